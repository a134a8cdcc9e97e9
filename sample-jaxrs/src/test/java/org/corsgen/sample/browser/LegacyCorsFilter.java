package org.corsgen.sample.browser;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A hand-written CORS filter of the kind applications had before corsgen, left registered and
 * granting every method to every page; here only under {@code /legacy}, so the rest of the suite
 * does not meet it.
 */
final class LegacyCorsFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!request.getUriInfo().getPath().startsWith("legacy")) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Access-Control-Allow-Origin", "*");
    headers.putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
    headers.putSingle("Access-Control-Allow-Headers", "*");
    headers.putSingle("Access-Control-Max-Age", "86400");
  }
}
