package org.corsgen.runtime.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corsgen.runtime.spi.CorsHeaders;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Gives the CORS headers of a policy to errors Jersey answers without choosing a resource method,
 * where one policy is certain: no method is chosen, so no method's filter runs, and without the
 * headers the page would see a bare network error instead of the status. Two such errors:
 *
 * <ul>
 *   <li>the request's media types rule out every method for its HTTP method at its path
 *       ({@code 415 Unsupported Media Type}, {@code 406 Not Acceptable}, or {@code 400 Bad
 *       Request} for a {@code Content-Type} or {@code Accept} that does not parse), when every
 *       method Jersey could have chosen has one and the same policy;
 *   <li>a sub-resource locator fails itself (see {@link LocatorFailure}), which also answers a
 *       preflight where the locator's class makes its answer certain.
 * </ul>
 *
 * <p>Whether the application maps the exception to an error of its own makes no difference (one
 * it maps to a success keeps what the application made of it). A {@code 405} (no method for the
 * HTTP method) or a {@code 404} (no path) has no such method and stays as it is.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class NoMethodChosenFilter implements ContainerResponseFilter {

  private static final Logger LOG = System.getLogger("org.corsgen");

  @Context
  private Configuration configuration;
  /** The fields a warning has named, as {@link PreflightAnswer#restoreGrants} returns them. */
  private volatile int warnedAboutOwnGrant;
  private final CorsApplication.Lookup applicationLookup = new CorsApplication.Lookup();

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // Global, so on every response of the application: the status alone settles almost all.
    if (response.getStatus() < 400) {
      return;
    }
    ExtendedUriInfo uriInfo = (ExtendedUriInfo) request.getUriInfo();
    if (request.getMethod().equals(HttpMethod.OPTIONS)) {
      answerPreflightOfAFailedLocator(request, response, uriInfo);
      return;
    }
    // Thrown by Jersey's method selection, at the path matched last, or none for a media type
    // that does not parse; of the other errors without a chosen method (a 404 below a matched
    // resource, say), only a failed locator has a policy.
    Throwable refusal = uriInfo.getMappedThrowable();
    List<RuntimeResource> matched = uriInfo.getMatchedRuntimeResources();
    CorsApplication application = applicationLookup.of(configuration);
    // The cheap tests first: telling a 400 for a media type apart parses the headers again.
    if (uriInfo.getMatchedResourceMethod() != null || matched.isEmpty()
        || !isMediaTypeRefusal(refusal, request, response)) {
      application.locatorFailure().policyFor(uriInfo, request.getMethod())
          .ifPresent(policy -> policy.filter(request, response));
      return;
    }
    RuntimeResource resource = matched.get(0);
    String httpMethod = request.getMethod();
    if (httpMethod.equals(HttpMethod.HEAD) && !serves(resource, HttpMethod.HEAD)) {
      // Jersey serves HEAD with the GET methods where a path has no HEAD method of its own.
      httpMethod = HttpMethod.GET;
    }
    CorsPolicy policy = sharedPolicy(application.index(), resource, httpMethod);
    if (policy != null) {
      policy.filter(request, response);
    }
  }

  /**
   * Answers a preflight whose sub-resource locator failed (a {@code 404} for an order that does
   * not exist) as the preflight endpoint would, from the policy the returned class has for the
   * requested method, where that policy is the only one the request could meet
   * ({@link LocatorFailure#preflightPolicyFor}); the locator's error is what the actual request
   * then gets, with the same policy's headers, so the page can read it. Not cached
   * ({@code Max-Age: 0}): the URL may serve other methods under other policies, which only the
   * locator's class at that URL would tell. Elsewhere the error stays, and says that it varies
   * with the preflight's fields, since another method's preflight there may be answered.
   */
  private void answerPreflightOfAFailedLocator(ContainerRequestContext request,
      ContainerResponseContext response, ExtendedUriInfo uriInfo) {
    String method = LocatorFailure.preflightMethod(request.getMethod(), request.getHeaders());
    if (method == null || uriInfo.getMatchedResourceLocators().isEmpty()) {
      if (uriInfo.getMatchedResourceLocators().isEmpty()
          && uriInfo.getMatchedResourceMethod() == null
          && !uriInfo.getMatchedRuntimeResources().isEmpty()
          && PreflightFilter.endpointFor(request) != null) {
        // Jersey refused the request while choosing the path's OPTIONS method (an Accept that
        // does not parse, which no browser sends): a preflight that can be parsed gets another
        // answer there, and a cache must not serve this one to it.
        OtherOptionsVary.addPreflightVary(response.getHeaders());
      }
      return;
    }
    CorsApplication application = applicationLookup.of(configuration);
    Optional<CorsPolicy> policy = application.locatorFailure().preflightPolicyFor(uriInfo, method);
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (policy.isEmpty()) {
      if (uriInfo.getMatchedResourceMethod() == null) {
        OtherOptionsVary.addPreflightVary(headers);
      }
      return;
    }
    PreflightEndpoint endpoint = new PreflightEndpoint(locatorPath(uriInfo),
        new MethodTable(Map.of(method, policy.get()), Set.of(method, HttpMethod.OPTIONS)),
        List.of(), application.debug());
    PreflightAnswer answer = endpoint.preflight(request);
    if (answer.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
      answer.header(CorsHeaders.MAX_AGE, "0");
    }
    response.setStatus(answer.getStatus());
    response.setEntity(null);
    for (String entityField : ENTITY_FIELDS) {
      headers.remove(entityField);
    }
    // The guard of preflight endpoints does not run here, so the application's response filters
    // that ran before this one could have put grants into the error that the answer must not keep.
    int own = PreflightAnswer.grantsIn(headers);
    int changed = answer.restoreGrants(headers) & own;
    if ((changed & ~warnedAboutOwnGrant) != 0) {
      warnedAboutOwnGrant |= changed;
      LOG.log(Level.WARNING, "corsgen: the error of a failed locator at " + locatorPath(uriInfo)
          + ", answering a preflight, carried " + PreflightAnswer.fieldNames(changed)
          + " set by the application (a response filter of its own?); corsgen removes them or"
          + " puts back its own answer's values (said once for each field)");
    }
  }

  /** Fields that describe the error's body, which the answer does not have. */
  private static final String[] ENTITY_FIELDS = {HttpHeaders.CONTENT_TYPE,
      HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_LANGUAGE,
      HttpHeaders.CONTENT_LOCATION};

  /** The templates matched up to the locator that failed, such as {@code /orders/{order}/lines}. */
  private static String locatorPath(ExtendedUriInfo uriInfo) {
    List<UriTemplate> templates = uriInfo.getMatchedTemplates();
    StringBuilder path = new StringBuilder();
    for (int i = templates.size() - 1; i >= 0; i--) {
      String template = templates.get(i).getTemplate();
      if (!template.startsWith("/") && !template.isEmpty()) {
        path.append('/');
      }
      path.append(template);
    }
    return path + " (its locator failed)";
  }

  /**
   * Whether Jersey's method selection refused the request for its media types: none of the
   * methods consumes its {@code Content-Type} or produces what it accepts, or one of the two
   * headers does not parse ({@code Content-Type: json}), Jersey's {@code 400}.
   */
  private static boolean isMediaTypeRefusal(Throwable refusal, ContainerRequestContext request,
      ContainerResponseContext response) {
    if (refusal instanceof NotSupportedException || refusal instanceof NotAcceptableException) {
      return true;
    }
    // A Content-Type or Accept that does not parse: Jersey answers 400 itself, with no mapped
    // throwable and past any mapper (MalformedRequestHeadersTest); parsing them again tells it
    // from other 400s.
    if (refusal != null || response.getStatus() != 400) {
      return false;
    }
    try {
      request.getMediaType();
      request.getAcceptableMediaTypes();
      return false;
    } catch (ProcessingException e) {
      return UnhandledExceptionMapper.isMalformedRequestHeader(e);
    }
  }

  private static boolean serves(RuntimeResource resource, String httpMethod) {
    for (ResourceMethod method : resource.getResourceMethods()) {
      if (httpMethod.equals(method.getHttpMethod())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The policy of every method of {@code resource} for {@code httpMethod}, or {@code null} when
   * there is none, or one of them has none or another.
   */
  private static CorsPolicy sharedPolicy(CorsIndex index, RuntimeResource resource,
      String httpMethod) {
    CorsPolicy shared = null;
    for (ResourceMethod method : resource.getResourceMethods()) {
      if (!httpMethod.equals(method.getHttpMethod())) {
        continue;
      }
      Invocable invocable = method.getInvocable();
      Optional<CorsPolicy> policy;
      try {
        policy = index.policyFor(invocable.getHandler().getHandlerClass(),
            invocable.getHandlingMethod());
      } catch (IllegalStateException e) {
        // A sub-resource whose policy cannot be used: FilterBinder serves it without CORS.
        return null;
      }
      if (policy.isEmpty() || (shared != null && shared != policy.get())) {
        return null;
      }
      shared = policy.get();
    }
    return shared;
  }
}
