package org.corsgen.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Removes {@code Vary} from every response: registered only in the deliberately broken
 * application of {@link SharedCacheTest}, to show that the test catches a corsgen that forgot it.
 * Response filters run from the highest priority down, so this one runs after corsgen's
 * ({@link Priorities#HEADER_DECORATOR}).
 */
@Priority(Priorities.HEADER_DECORATOR - 1)
public final class VaryStrippingFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().remove("Vary");
  }
}
