package org.corsgen.sample.browser;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An application-wide authentication filter, as applications write them: under /vault, no
 * {@code Authorization} header means 401. Browsers never send it on a preflight.
 */
@Priority(Priorities.AUTHENTICATION)
public class RequireAuthorizationFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo().getPath().startsWith("vault")
        && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
      request.abortWith(Response.status(Response.Status.UNAUTHORIZED).build());
    }
  }
}
