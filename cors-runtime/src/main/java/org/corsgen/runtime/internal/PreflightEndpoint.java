package org.corsgen.runtime.internal;

import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_CREDENTIALS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_METHODS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.MAX_AGE;
import static org.corsgen.runtime.spi.CorsHeaders.ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.PREFLIGHT_VARY;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_METHOD;
import static org.corsgen.runtime.spi.CorsHeaders.VARY;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.corsgen.runtime.spi.CorsHeaders;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.process.Inflector;

/**
 * The OPTIONS endpoint corsgen adds to one path: {@link PreflightFilter} asks it to answer
 * preflights, and as a resource method it answers plain OPTIONS requests with {@code Allow}, as
 * Jersey would without corsgen.
 *
 * <p>A named class rather than a lambda: Jersey cannot resolve a lambda's type arguments.
 */
public final class PreflightEndpoint implements Inflector<ContainerRequestContext, Response> {

  private static final Logger LOG = System.getLogger("org.corsgen");

  /** Fetch, "CORS-safelisted method": sent without a preflight of its own. */
  private static final List<String> SIMPLE_METHODS = List.of("GET", "HEAD", "POST");

  private final String path;
  private final Map<String, CorsPolicy> policyByMethod;
  private final List<CorsPolicy> policies;
  private final Map<CorsPolicy, String> allowMethods;
  private final Map<CorsPolicy, List<CorsPolicy>> narrower;
  private final Map<CorsPolicy, List<CorsPolicy>> otherSimpleMethodPolicies;
  private final boolean simpleMethodWithoutPolicy;
  private final Set<String> allow;
  private volatile boolean warnedAboutOwnGrant;

  /**
   * @param path the path template, for log messages
   * @param policyByMethod the policy of each HTTP method served at this path that has one
   * @param allow every method served at this path, for the {@code Allow} header
   */
  public PreflightEndpoint(String path, Map<String, CorsPolicy> policyByMethod, Set<String> allow) {
    this.path = path;
    this.policyByMethod = Map.copyOf(policyByMethod);
    this.allow = Set.copyOf(allow);
    Map<CorsPolicy, StringJoiner> methods = new LinkedHashMap<>();
    policyByMethod.forEach((method, policy) ->
        methods.computeIfAbsent(policy, p -> new StringJoiner(", ")).add(method));
    this.policies = List.copyOf(methods.keySet());
    Map<CorsPolicy, String> allowMethods = new LinkedHashMap<>();
    Map<CorsPolicy, List<CorsPolicy>> narrower = new LinkedHashMap<>();
    methods.forEach((policy, joined) -> {
      allowMethods.put(policy, joined.toString());
      narrower.put(policy, policies.stream()
          .filter(other -> other != policy && policy.exceeds(other))
          .toList());
    });
    this.allowMethods = Collections.unmodifiableMap(allowMethods);
    this.narrower = Map.copyOf(narrower);
    Map<CorsPolicy, List<CorsPolicy>> otherSimpleMethodPolicies = new LinkedHashMap<>();
    for (CorsPolicy policy : policies) {
      otherSimpleMethodPolicies.put(policy, SIMPLE_METHODS.stream()
          .map(policyByMethod::get)
          .filter(other -> other != null && other != policy)
          .distinct()
          .toList());
    }
    this.otherSimpleMethodPolicies = Map.copyOf(otherSimpleMethodPolicies);
    this.simpleMethodWithoutPolicy = SIMPLE_METHODS.stream()
        .anyMatch(method -> allow.contains(method) && !policyByMethod.containsKey(method));
  }

  /** The path template this endpoint answers for. */
  public String path() {
    return path;
  }

  /** The distinct policies at this path. */
  public List<CorsPolicy> policies() {
    return policies;
  }

  /**
   * What this endpoint grants, for the start-up log: {@code GET, HEAD from [https://a.com]; POST
   * from [*]}.
   */
  public String describe() {
    StringJoiner description = new StringJoiner("; ");
    allowMethods.forEach((policy, methods) ->
        description.add(methods + " from [" + policy.originList() + "]"));
    return description.toString();
  }

  /**
   * Answers a plain OPTIONS request, one that is not a CORS preflight. It varies on the preflight
   * headers too: a preflight to the same URL gets another answer, and a shared cache that stored
   * this one without {@code Vary} would serve it to every browser's preflight, which would fail.
   */
  @Override
  public Response apply(ContainerRequestContext request) {
    return Response.ok().allow(allow).header(VARY, PREFLIGHT_VARY).build();
  }

  /**
   * Answers a CORS preflight: 204 with the {@code Access-Control-Allow-*} headers when the origin,
   * the method and every requested header are allowed; otherwise 403 with none of them.
   */
  public PreflightAnswer preflight(ContainerRequestContext request) {
    MultivaluedMap<String, String> headers = request.getHeaders();
    String origin = CorsHeaders.single(headers, ORIGIN);
    if (origin == null) {
      return refuse(request, () -> "the Origin header is empty or repeated");
    }
    String method = CorsHeaders.single(headers, REQUEST_METHOD);
    if (method == null) {
      return refuse(request, () -> "the Access-Control-Request-Method header is empty or repeated");
    }
    CorsPolicy policy = policyByMethod.get(method);
    if (policy == null) {
      return refuse(request, () -> "method " + CorsHeaders.forLog(method)
          + " has no CORS policy at " + path + " (CORS methods: "
          + String.join(", ", policyByMethod.keySet()) + ")");
    }
    if (!policy.allowsOrigin(origin)) {
      return refuse(request, () -> "origin " + CorsHeaders.forLog(origin) + " is not in ["
          + policy.originList() + "] for " + method + " (" + policy.source() + ")");
    }
    List<String> requestHeaders = headers.get(REQUEST_HEADERS);
    if (requestHeaders != null) {
      for (String value : requestHeaders) {
        Optional<String> refused = policy.firstRefusedHeader(value);
        if (refused.isPresent()) {
          return refuse(request, () -> "header " + CorsHeaders.forLog(refused.get())
              + " is not in allowHeaders [" + policy.allowHeaders() + "] (" + policy.source()
              + ")");
        }
      }
    }
    PreflightAnswer answer = new PreflightAnswer(Response.Status.NO_CONTENT)
        .header(ALLOW_ORIGIN, policy.allowOriginValue(origin))
        .header(ALLOW_METHODS, allowMethods.get(policy))
        .header(VARY, PREFLIGHT_VARY);
    if (!policy.allowHeaders().isEmpty()) {
      answer.header(ALLOW_HEADERS, policy.allowHeaders());
    }
    if (policy.allowsCredentials()) {
      answer.header(ALLOW_CREDENTIALS, "true");
    }
    if (grantsMoreThanAnotherPolicyForThisOrigin(policy, origin)
        || grantsHeadersToASimpleMethodThatRefusesThem(policy, origin)) {
      answer.header(MAX_AGE, "0");
    } else if (!policy.maxAge().isEmpty()) {
      answer.header(MAX_AGE, policy.maxAge());
    }
    return answer;
  }

  /**
   * Whether another policy at this path grants the origin but allows fewer headers or no
   * credentials; the answer is then not cached (see {@link CorsPolicy#exceeds}). Allow-Methods
   * names only the answering policy's methods for the same reason: browsers send a cached method
   * without asking again.
   */
  private boolean grantsMoreThanAnotherPolicyForThisOrigin(CorsPolicy policy, String origin) {
    for (CorsPolicy other : narrower.get(policy)) {
      if (other.allowsOrigin(origin)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the policy allows request headers while a CORS-safelisted method at this path has no
   * policy, or one that does not grant the origin; the answer is then not cached either. Browsers
   * send a safelisted method with cached header names without asking (Fetch, "CORS-preflight
   * cache"), so a header granted to PUT would reach such a POST or GET, which a preflight of its
   * own would have refused.
   */
  private boolean grantsHeadersToASimpleMethodThatRefusesThem(CorsPolicy policy, String origin) {
    if (policy.allowHeaders().isEmpty()) {
      return false;
    }
    if (simpleMethodWithoutPolicy) {
      return true;
    }
    for (CorsPolicy other : otherSimpleMethodPolicies.get(policy)) {
      if (!other.allowsOrigin(origin)) {
        return true;
      }
    }
    return false;
  }

  /** The reason is only put into words when it is logged: refusals are the common case. */
  private PreflightAnswer refuse(ContainerRequestContext request, Supplier<String> reason) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "CORS preflight refused for {0} {1} from {2}: {3}",
          CorsHeaders.forLog(request.getHeaderString(REQUEST_METHOD)),
          CorsHeaders.forLog(request.getUriInfo().getRequestUri().getRawPath()),
          CorsHeaders.forLog(request.getHeaderString(ORIGIN)), reason.get());
    }
    return new PreflightAnswer(Response.Status.FORBIDDEN).header(VARY, PREFLIGHT_VARY);
  }

  /**
   * Says once per path that a response filter of the application wrote {@code field} into a
   * preflight answer here, which {@link PreflightAnswerGuard} then took back.
   */
  void warnAboutOwnGrant(String field) {
    if (!warnedAboutOwnGrant) {
      warnedAboutOwnGrant = true;
      LOG.log(Level.WARNING, "corsgen: a preflight answer at " + path + " carried " + field
          + " set by the application (a response filter of its own?); corsgen removes it or"
          + " puts back its own answer's value (said once per path)");
    }
  }

  @Override
  public String toString() {
    return "PreflightEndpoint[" + path + " " + policyByMethod.keySet() + "]";
  }
}
