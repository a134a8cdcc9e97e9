package org.corsgen.runtime.internal;

import static org.corsgen.runtime.spi.CorsHeaders.ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_METHOD;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
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
      CorsHeaders.addVary(response.getHeaders(), ORIGIN);
      CorsHeaders.addVary(response.getHeaders(), REQUEST_METHOD);
      CorsHeaders.addVary(response.getHeaders(), REQUEST_HEADERS);
    }
  }
}
