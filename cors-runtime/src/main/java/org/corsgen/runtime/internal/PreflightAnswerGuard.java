package org.corsgen.runtime.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Keeps a preflight answer's grants corsgen's own, as {@code CorsPolicy} does for actual
 * responses: the answer is made by {@link PreflightFilter} before the application's response
 * filters run, and one of them (a hand-written CORS filter left in place, say) could add
 * {@code Access-Control-Allow-Origin: *} or methods the policy does not allow.
 *
 * <p>At {@link Priorities#HEADER_DECORATOR} (3000), so after the application's filters of the
 * default priority ({@link Priorities#USER}, 5000) and any other above it: Jersey runs response
 * filters from the highest priority number to the lowest ({@code ResponseFilterOrderTest}).
 */
@PreflightBinding
@Priority(Priorities.HEADER_DECORATOR)
public final class PreflightAnswerGuard implements ContainerResponseFilter {

  /** The request property under which {@link PreflightFilter} leaves the answer it gave. */
  static final String ANSWER = PreflightAnswer.class.getName();

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(ANSWER) instanceof PreflightAnswer answer) {
      int changed = answer.restoreGrants(response.getHeaders());
      if (changed != 0) {
        PreflightEndpoint endpoint = PreflightFilter.endpointFor(request);
        if (endpoint != null) {
          endpoint.warnAboutOwnGrant(changed);
        }
      }
    } else if (request.getMethod().equals(HttpMethod.OPTIONS)
        && PreflightFilter.endpointFor(request) != null) {
      // A plain OPTIONS at a CORS path that one of the application's filters answered (a 401
      // from an authentication filter, which preflights pass): a preflight to the same URL gets
      // another answer, and a cache that stored this one without the preflight's Vary would
      // serve it to browsers' preflights, which would then fail. (Also bound to the other
      // OPTIONS methods, which serve paths without CORS too.)
      OtherOptionsVary.addPreflightVary(response.getHeaders());
    }
  }
}
