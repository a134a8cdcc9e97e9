package org.corsgen.runtime.internal;

import static org.corsgen.runtime.spi.CorsHeaders.ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_METHOD;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import org.corsgen.runtime.spi.CorsHeaders;

/**
 * Adds the preflight {@code Vary} to what the {@link OtherOptionsMethods} answer at a CORS path,
 * as {@link PreflightEndpoint#apply} does to its own plain OPTIONS answers: a preflight to the same
 * URL gets another answer, and a cache that stored a WADL answer without it would serve that to
 * browsers' preflights, which would then fail.
 */
public final class OtherOptionsVary implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getMethod().equals(HttpMethod.OPTIONS)
        && PreflightFilter.endpointFor(request) != null) {
      addPreflightVary(response.getHeaders());
    }
  }

  /**
   * Merges the three request fields a preflight's answer depends on into {@code headers}'
   * {@code Vary}, keeping what is there.
   */
  static void addPreflightVary(MultivaluedMap<String, Object> headers) {
    CorsHeaders.addVary(headers, ORIGIN);
    CorsHeaders.addVary(headers, REQUEST_METHOD);
    CorsHeaders.addVary(headers, REQUEST_HEADERS);
  }
}
