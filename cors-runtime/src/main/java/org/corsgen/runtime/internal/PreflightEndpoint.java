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
import java.util.ArrayList;
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

  /** Up to this many distinct policies at one path, every Allow-Methods answer is precomputed. */
  private static final int PRECOMPUTED_POLICIES = 8;

  private final String path;
  private final Map<String, CorsPolicy> policyByMethod;
  private final List<CorsPolicy> policies;
  private final List<String> methodsByPolicy;
  private final String[] allowMethodsByMask;
  private final Set<String> allow;

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
    this.methodsByPolicy = methods.values().stream().map(StringJoiner::toString).toList();
    this.allowMethodsByMask = policies.size() <= PRECOMPUTED_POLICIES
        ? precomputeAllowMethods()
        : new String[0];
  }

  /** The path template this endpoint answers for. */
  public String path() {
    return path;
  }

  /** The HTTP methods that have a CORS policy at this path. */
  public Set<String> corsMethods() {
    return policyByMethod.keySet();
  }

  /** Answers a plain OPTIONS request, one that is not a CORS preflight. */
  @Override
  public Response apply(ContainerRequestContext request) {
    return Response.ok().allow(allow).build();
  }

  /**
   * Answers a CORS preflight: 204 with the {@code Access-Control-Allow-*} headers when the origin,
   * the method and every requested header are allowed; otherwise 403 with none of them.
   */
  public Response preflight(ContainerRequestContext request) {
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
      return refuse(request, () -> "method " + method + " has no CORS policy at this path"
          + " (CORS methods: " + String.join(", ", policyByMethod.keySet()) + ")");
    }
    if (!policy.allowsOrigin(origin)) {
      return refuse(request, () -> "origin " + origin + " is not allowed for " + method);
    }
    List<String> requestHeaders = headers.get(REQUEST_HEADERS);
    if (requestHeaders != null) {
      for (String value : requestHeaders) {
        Optional<String> refused = policy.firstRefusedHeader(value);
        if (refused.isPresent()) {
          return refuse(request, () -> "header " + refused.get() + " is not in allowHeaders ["
              + policy.allowHeaders() + "]");
        }
      }
    }
    Response.ResponseBuilder answer = Response.noContent()
        .header(ALLOW_ORIGIN, policy.allowOriginValue(origin))
        .header(ALLOW_METHODS, allowMethods(origin))
        .header(VARY, PREFLIGHT_VARY);
    if (!policy.allowHeaders().isEmpty()) {
      answer.header(ALLOW_HEADERS, policy.allowHeaders());
    }
    if (policy.allowsCredentials()) {
      answer.header(ALLOW_CREDENTIALS, "true");
    }
    if (!policy.maxAge().isEmpty()) {
      answer.header(MAX_AGE, policy.maxAge());
    }
    return answer.build();
  }

  /**
   * Only the methods whose own policy grants this origin: browsers cache the list per URL and
   * later send any listed method without asking again.
   */
  private String allowMethods(String origin) {
    int mask = 0;
    for (int i = 0; i < policies.size(); i++) {
      if (policies.get(i).allowsOrigin(origin)) {
        mask |= 1 << i;
      }
    }
    if (mask < allowMethodsByMask.length) {
      return allowMethodsByMask[mask];
    }
    StringJoiner methods = new StringJoiner(", ");
    for (int i = 0; i < policies.size(); i++) {
      if (policies.get(i).allowsOrigin(origin)) {
        methods.add(methodsByPolicy.get(i));
      }
    }
    return methods.toString();
  }

  private String[] precomputeAllowMethods() {
    String[] byMask = new String[1 << policies.size()];
    for (int mask = 0; mask < byMask.length; mask++) {
      List<String> methods = new ArrayList<>();
      for (int i = 0; i < policies.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          methods.add(methodsByPolicy.get(i));
        }
      }
      byMask[mask] = String.join(", ", methods);
    }
    return byMask;
  }

  /** The reason is only put into words when it is logged: refusals are the common case. */
  private Response refuse(ContainerRequestContext request, Supplier<String> reason) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "CORS preflight refused for {0} {1} from {2}: {3}",
          request.getHeaderString(REQUEST_METHOD), request.getUriInfo().getRequestUri().getRawPath(),
          request.getHeaderString(ORIGIN), reason.get());
    }
    return Response.status(Response.Status.FORBIDDEN).header(VARY, PREFLIGHT_VARY).build();
  }

  @Override
  public String toString() {
    return "PreflightEndpoint[" + path + " " + policyByMethod.keySet() + "]";
  }
}
