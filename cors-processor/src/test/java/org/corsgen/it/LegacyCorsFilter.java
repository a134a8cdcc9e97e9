package org.corsgen.it;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A hand-written CORS filter of the kind applications had before corsgen, left registered: global,
 * at the default priority, granting everything to everyone. It both adds to and replaces fields.
 */
public class LegacyCorsFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.add("Access-Control-Allow-Origin", "*");
    headers.putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
    headers.add("Access-Control-Allow-Headers", "*");
    headers.putSingle("Access-Control-Allow-Credentials", "true");
    headers.putSingle("Access-Control-Max-Age", "86400");
    headers.putSingle("Access-Control-Expose-Headers", "*");
    headers.putSingle("Vary", "Accept-Encoding");
    // What an application may add where corsgen does not answer Private Network Access.
    if (request.getHeaders().containsKey("Access-Control-Request-Private-Network")) {
      headers.putSingle("Access-Control-Allow-Private-Network", "true");
    }
  }
}
