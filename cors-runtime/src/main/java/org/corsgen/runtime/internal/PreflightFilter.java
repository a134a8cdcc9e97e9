package org.corsgen.runtime.internal;

import static org.corsgen.runtime.spi.CorsHeaders.ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_METHOD;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.MethodHandler;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Answers CORS preflights on the OPTIONS endpoints corsgen adds, before authentication filters
 * run: browsers never send credentials on a preflight (Fetch, "CORS-preflight request"), so an
 * authentication filter would refuse every one of them. {@link FilterBinder} also puts it on the
 * {@link OtherOptionsMethods}, which Jersey may choose instead of the endpoint at the same path.
 *
 * <p>Plain OPTIONS requests pass through to {@link PreflightEndpoint#apply} or the other method.
 */
@PreflightBinding
@Priority(PreflightFilter.PRIORITY)
public final class PreflightFilter implements ContainerRequestFilter {

  /** Runs ahead of {@link Priorities#AUTHENTICATION} and every later request filter. */
  public static final int PRIORITY = Priorities.AUTHENTICATION - 100;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.getMethod().equals(HttpMethod.OPTIONS)
        || !request.getHeaders().containsKey(ORIGIN)
        || !request.getHeaders().containsKey(REQUEST_METHOD)) {
      return;
    }
    PreflightEndpoint endpoint = endpointFor(request);
    if (endpoint != null) {
      PreflightAnswer answer = endpoint.preflight(request);
      request.setProperty(PreflightAnswerGuard.ANSWER, answer);
      request.abortWith(answer);
    }
  }

  /**
   * The endpoint of the path {@code request} was matched to: the chosen method, or when Jersey
   * chose another OPTIONS method there, the endpoint beside it; {@code null} at a path without
   * one.
   */
  static PreflightEndpoint endpointFor(ContainerRequestContext request) {
    ExtendedUriInfo uriInfo = (ExtendedUriInfo) request.getUriInfo();
    PreflightEndpoint endpoint = endpointOf(uriInfo.getMatchedResourceMethod());
    if (endpoint != null) {
      return endpoint;
    }
    for (ResourceMethod method : uriInfo.getMatchedRuntimeResources().get(0)
        .getResourceMethods()) {
      endpoint = endpointOf(method);
      if (endpoint != null) {
        return endpoint;
      }
    }
    return null;
  }

  private static PreflightEndpoint endpointOf(ResourceMethod method) {
    if (method == null) {
      // No method chosen: Jersey refused the request while choosing one.
      return null;
    }
    MethodHandler handler = method.getInvocable().getHandler();
    // An endpoint is instance-based: its instance needs no injection manager to be looked up,
    // which a class-based handler would.
    return handler.getHandlerClass() == PreflightEndpoint.class
        ? (PreflightEndpoint) handler.getInstance(null)
        : null;
  }
}
