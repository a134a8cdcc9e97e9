package org.corsgen.it;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A typical application authentication filter: no Authorization header, no entry. */
@Priority(Priorities.AUTHENTICATION)
public class RequireAuthorizationFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
      request.abortWith(Response.status(Response.Status.UNAUTHORIZED).build());
    }
  }
}
