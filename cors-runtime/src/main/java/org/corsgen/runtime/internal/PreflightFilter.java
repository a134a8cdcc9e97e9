package org.corsgen.runtime.internal;

import static org.corsgen.runtime.spi.CorsHeaders.ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_METHOD;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.glassfish.jersey.server.ExtendedUriInfo;

/**
 * Answers CORS preflights on the OPTIONS endpoints corsgen adds, before authentication filters
 * run: browsers never send credentials on a preflight (Fetch, "CORS-preflight request"), so an
 * authentication filter would refuse every one of them.
 *
 * <p>Plain OPTIONS requests pass through to {@link PreflightEndpoint#apply}.
 */
@PreflightBinding
@Priority(PreflightFilter.PRIORITY)
public final class PreflightFilter implements ContainerRequestFilter {

  /** Runs ahead of {@link Priorities#AUTHENTICATION} and every later request filter. */
  public static final int PRIORITY = Priorities.AUTHENTICATION - 100;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.getHeaders().containsKey(ORIGIN)
        || !request.getHeaders().containsKey(REQUEST_METHOD)) {
      return;
    }
    ExtendedUriInfo uriInfo = (ExtendedUriInfo) request.getUriInfo();
    // The name binding puts this filter on PreflightEndpoint's methods only, and those are
    // instance-based: their handler instance needs no injection manager to be looked up.
    Object endpoint = uriInfo.getMatchedResourceMethod().getInvocable().getHandler().getInstance(null);
    if (endpoint instanceof PreflightEndpoint preflight) {
      request.abortWith(preflight.preflight(request));
    }
  }
}
