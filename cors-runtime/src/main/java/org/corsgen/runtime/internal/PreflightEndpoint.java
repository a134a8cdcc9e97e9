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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.MatchResult;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.corsgen.runtime.spi.CorsHeaders;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.PathPattern;

/**
 * The OPTIONS endpoint corsgen adds to one path: {@link PreflightFilter} asks it to answer
 * preflights, and as a resource method it answers plain OPTIONS requests with {@code Allow}, as
 * Jersey would without corsgen.
 *
 * <p>A named class rather than a lambda: Jersey cannot resolve a lambda's type arguments.
 */
public final class PreflightEndpoint implements Inflector<ContainerRequestContext, Response> {

  private static final Logger LOG = System.getLogger("org.corsgen");

  /** Bounds the tables kept for URLs that later paths match too; past it, each is recomputed. */
  private static final int MAX_COMBINED_TABLES = 64;

  private final String path;
  private final MethodTable own;
  private final String allow;
  private final List<LaterPath> later;
  /**
   * Asked at each refusal, since {@link org.corsgen.runtime.CorsFeature#setDebug} switches it
   * while the application runs.
   */
  private final DebugMode debug;
  private final Map<BitSet, MethodTable> combined = new ConcurrentHashMap<>();
  /**
   * The fields an application's filter set that a warning has named, bits as
   * {@link PreflightAnswer#restoreGrants} returns them: a log line, not a guard.
   */
  private volatile int warnedAboutOwnGrant;

  /**
   * A path after this one, in the order in which Jersey tries the paths of one resource level,
   * whose pattern may match a URL this one matches. Jersey takes the first matching path that
   * serves the request's method, so such a URL gets this path's OPTIONS and the later path's
   * other methods, unless Jersey meets a path it descends into first (a sub-resource locator, or
   * a resource with sub-resources), where it stops.
   *
   * @param path the path template, for log messages
   * @param pattern the pattern Jersey matches at this level
   * @param table the methods served there; {@code null} for a path Jersey descends into
   */
  record LaterPath(String path, PathPattern pattern, MethodTable table) {

    boolean descends() {
      return table == null;
    }
  }

  /**
   * @param path the path template, for log messages
   * @param policyByMethod the policy of each HTTP method served at this path that has one
   * @param allow every method served at this path, for the {@code Allow} header
   */
  public PreflightEndpoint(String path, Map<String, CorsPolicy> policyByMethod, Set<String> allow) {
    this(path, policyByMethod, allow, false);
  }

  /**
   * The same, with debug mode on or off ({@link DebugMode}); public, as the other, for tests and
   * benchmarks that make an endpoint without Jersey.
   */
  public PreflightEndpoint(String path, Map<String, CorsPolicy> policyByMethod, Set<String> allow,
      boolean debug) {
    this(path, new MethodTable(policyByMethod, allow), List.of(), DebugMode.fixed(debug));
  }

  PreflightEndpoint(String path, MethodTable own, List<LaterPath> later, DebugMode debug) {
    this.path = path;
    this.own = own;
    // As Jersey's ResponseBuilder.allow writes it.
    this.allow = String.join(",", own.served());
    this.later = List.copyOf(later);
    this.debug = debug;
  }

  /** The path template this endpoint answers for. */
  public String path() {
    return path;
  }

  /** The distinct policies of the methods served at this path. */
  public List<CorsPolicy> policies() {
    return own.policies();
  }

  /**
   * What this endpoint grants, for the start-up log: {@code GET, HEAD from [https://a.com]; POST
   * from [*]}, and which later paths it may answer for.
   */
  public String describe() {
    String grants = own.hasPolicies() ? own.describe() : "no policy of its own";
    return later.isEmpty() ? grants : grants + later.stream()
        .filter(other -> !other.descends())
        .map(LaterPath::path)
        .collect(Collectors.joining(", ", "; where a URL also matches ",
            ", with the methods served there"));
  }

  /**
   * Answers a plain OPTIONS request, one that is not a CORS preflight. It varies on the preflight
   * headers too: a preflight to the same URL gets another answer, and a shared cache that stored
   * this one without {@code Vary} would serve it to every browser's preflight, which would fail.
   */
  @Override
  public Response apply(ContainerRequestContext request) {
    // An answer corsgen gives grants nothing but what the policy says, here nothing at all: an
    // application's CORS filter left in place is held off it as off a preflight answer.
    PreflightAnswer answer = new PreflightAnswer(Response.Status.OK)
        .header(HttpHeaders.ALLOW, allow)
        .header(VARY, PREFLIGHT_VARY);
    request.setProperty(PreflightAnswerGuard.ANSWER, answer);
    return answer;
  }

  /**
   * Answers a CORS preflight: 204 with the {@code Access-Control-Allow-*} headers when the origin,
   * the method and every requested header are allowed; otherwise 403 with none of them, or in
   * debug mode, where the browser can be made to name the reason, 204 with grants that leave it
   * out ({@link #refuseMethod}, {@link #refuseHeader}).
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
    MethodTable table = tableFor(request);
    CorsPolicy policy = table.policyOf(method);
    if (policy == null) {
      return refuseMethod(request, table, origin, method, () -> "method "
          + CorsHeaders.forLog(method) + " has no CORS policy at " + path + " (CORS methods: "
          + String.join(", ", table.methodsWithPolicy()) + ")");
    }
    if (!policy.allowsOrigin(origin)) {
      return refuseMethod(request, table, origin, method, () -> "origin "
          + CorsHeaders.forLog(origin) + " is not in ["
          + CorsHeaders.listForLog(policy.originList()) + "] for " + method + " ("
          + policy.source() + ")");
    }
    List<String> requestHeaders = requestHeaders(request);
    if (requestHeaders != null) {
      for (String value : requestHeaders) {
        Optional<String> refused = policy.firstRefusedHeader(value);
        if (refused.isPresent()) {
          return refuseHeader(request, table, policy, origin, method, () -> "header "
              + CorsHeaders.forLog(refused.get()) + " is not in allowHeaders ["
              + CorsHeaders.listForLog(policy.allowHeaders()) + "] (" + policy.source() + ")");
        }
      }
    }
    String grantedHeaders =
        policy.allowsAnyHeader() ? requestedNames(requestHeaders) : policy.allowHeaders();
    PreflightAnswer answer = grants(table, policy, origin, grantedHeaders);
    if (table.grantsMoreThanAnotherPolicyForThisOrigin(policy, origin, grantedHeaders)
        || table.grantsHeadersToASimpleMethodThatRefusesThem(policy, origin, grantedHeaders)) {
      answer.header(MAX_AGE, "0");
    } else if (!policy.maxAge().isEmpty()) {
      answer.header(MAX_AGE, policy.maxAge());
    }
    return answer;
  }

  /**
   * The methods served at the request's URL: this path's, and those of later paths that match it
   * too, each method taken from the first path serving it, as Jersey routes it.
   */
  private MethodTable tableFor(ContainerRequestContext request) {
    if (later.isEmpty() || !(request.getUriInfo() instanceof ExtendedUriInfo uriInfo)) {
      return own;
    }
    List<MatchResult> matched = uriInfo.getMatchedResults();
    if (matched.isEmpty()) {
      return own;
    }
    // Jersey matched this path's closed pattern to the whole of what was left of the URL at this
    // level: the last match's group 0 is what the later paths would have been matched to.
    String atThisLevel = matched.get(0).group();
    BitSet matching = null;
    for (int i = 0; i < later.size(); i++) {
      LaterPath other = later.get(i);
      if (other.pattern().match(atThisLevel) != null) {
        if (other.descends()) {
          break;
        }
        if (matching == null) {
          matching = new BitSet();
        }
        matching.set(i);
      }
    }
    if (matching == null) {
      return own;
    }
    MethodTable table = combined.get(matching);
    if (table == null) {
      table = combine(matching);
      if (combined.size() < MAX_COMBINED_TABLES) {
        combined.putIfAbsent(matching, table);
      }
    }
    return table;
  }

  private MethodTable combine(BitSet matching) {
    List<MethodTable> tables = new ArrayList<>();
    tables.add(own);
    matching.stream().forEach(i -> tables.add(later.get(i).table()));
    return MethodTable.firstServing(tables);
  }

  /**
   * What {@code policy} grants {@code origin}, an origin it allows, with {@code allowHeaders} as
   * Access-Control-Allow-Headers (none when empty) and without Access-Control-Max-Age, which the
   * caller sets.
   */
  private static PreflightAnswer grants(MethodTable table, CorsPolicy policy, String origin,
      String allowHeaders) {
    PreflightAnswer answer = new PreflightAnswer(Response.Status.NO_CONTENT)
        .header(ALLOW_ORIGIN, policy.allowOriginValue(origin))
        .header(ALLOW_METHODS, table.allowMethods(policy))
        .header(VARY, PREFLIGHT_VARY);
    if (!allowHeaders.isEmpty()) {
      answer.header(ALLOW_HEADERS, allowHeaders);
    }
    if (policy.allowsCredentials()) {
      answer.header(ALLOW_CREDENTIALS, "true");
    }
    return answer;
  }

  /**
   * Under {@code allowHeaders = "*"}, answers with the names the preflight asked for, all of them
   * allowed, rather than {@code *}: browsers let {@code *} cover Authorization against Fetch
   * (whatwg/fetch#1919), and one that did so from its preflight cache would send Authorization,
   * which corsgen refuses under {@code *}, without asking again. The names are what the cache
   * then holds: as sent, each once (ignoring ASCII case), joined by commas alone, so the answer
   * is no longer than the request's Access-Control-Request-Headers values joined by commas. No
   * names asked for, no Allow-Headers. (A policy never has {@code *} beside credentials: the
   * processor and {@link CorsPolicy.Builder#build} refuse it.)
   */
  private static String requestedNames(List<String> requestHeaders) {
    if (requestHeaders == null) {
      return "";
    }
    StringJoiner names = new StringJoiner(",");
    Set<String> seen = new HashSet<>();
    for (String value : requestHeaders) {
      for (String item : items(value)) {
        if (seen.add(asciiLowerCase(item))) {
          names.add(item);
        }
      }
    }
    return names.toString();
  }

  /**
   * Refuses a method that has no policy here, or one whose policy does not allow the origin. In
   * debug mode, when another policy here allows the origin, the answer carries that policy's
   * grants, whose Allow-Methods does not name the method, so that the browser reports the method
   * rather than a missing Allow-Origin. Not for a CORS-safelisted method: browsers take those as
   * allowed whatever Allow-Methods says (they preflight one only for its headers), so such an
   * answer could let the request through; it gets the plain refusal.
   */
  private PreflightAnswer refuseMethod(ContainerRequestContext request, MethodTable table,
      String origin, String method, Supplier<String> reason) {
    log(request, reason);
    if (!debug.on() || MethodTable.isSafelisted(method)) {
      return refusal();
    }
    CorsPolicy granting = table.allowing(origin);
    return granting == null ? refusal() : explaining(request, method, table, granting, origin);
  }

  /**
   * Refuses a header that {@code policy}, which allows the origin and the method, does not allow.
   * In debug mode the answer carries the policy's grants, whose Allow-Headers leaves the header
   * out, so that the browser reports it. Not under {@code allowHeaders = "*"}, where corsgen
   * refuses only Authorization, a name {@code *} and names that are no tokens: browsers let
   * {@code *} cover Authorization in a preflight's answer, against Fetch (whatwg/fetch#1919), so
   * only the plain refusal is sure to stop the request.
   */
  private PreflightAnswer refuseHeader(ContainerRequestContext request, MethodTable table,
      CorsPolicy policy, String origin, String method, Supplier<String> reason) {
    log(request, reason);
    return debug.on() && !policy.allowsAnyHeader()
        ? explaining(request, method, table, policy, origin)
        : refusal();
  }

  /**
   * A debug answer carrying what {@code policy} grants the origin, not to be cached, unless the
   * laxest reading browsers have given such fields ({@link #wouldLetThrough}) would send the
   * request all the same: then the plain refusal. The reasons given above should make that
   * impossible; this holds where they overlook something (a designator named {@code "*"}, a list
   * joined into one name).
   */
  private static PreflightAnswer explaining(ContainerRequestContext request, String method,
      MethodTable table, CorsPolicy policy, String origin) {
    if (wouldLetThrough(method, requestHeaders(request),
        table.allowMethods(policy), policy.allowHeaders())) {
      return refusal();
    }
    return grants(table, policy, origin, policy.allowHeaders()).header(MAX_AGE, "0").refusing();
  }

  /**
   * Whether a browser could take {@code allowMethods} and {@code allowHeaders} to allow
   * {@code method} and every name in {@code requestHeaders}, read as laxly as any has read them:
   * names and methods compared ignoring case (Chromium's non-conformant method comparison,
   * crbug.com/1228178), {@code *} covering every method and name, Authorization included, and
   * safelisted methods passing whatever is listed.
   */
  static boolean wouldLetThrough(String method, List<String> requestHeaders, String allowMethods,
      String allowHeaders) {
    List<String> methods = items(allowMethods);
    boolean methodPasses = MethodTable.isSafelistedIgnoringCase(method) || methods.contains("*")
        || methods.stream().anyMatch(method::equalsIgnoreCase);
    if (!methodPasses) {
      return false;
    }
    List<String> allowed = items(allowHeaders);
    if (allowed.contains("*") || requestHeaders == null) {
      return true;
    }
    for (String value : requestHeaders) {
      for (String name : items(value)) {
        if (allowed.stream().noneMatch(name::equalsIgnoreCase)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Lower case for ASCII letters only, as names are compared (Fetch: byte-case-insensitive). */
  private static String asciiLowerCase(String name) {
    char[] chars = name.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] += 'a' - 'A';
      }
    }
    return new String(chars);
  }

  /**
   * The preflight's {@code Access-Control-Request-Headers} values, or {@code null} when it has
   * none. A container never parses a {@code null} value, but an application's pre-matching filter
   * can put one in the list ({@code put}, unlike {@code add}, keeps it): it names no header.
   */
  private static List<String> requestHeaders(ContainerRequestContext request) {
    List<String> values = request.getHeaders().get(REQUEST_HEADERS);
    if (values != null) {
      for (String value : values) {
        if (value == null) {
          return values.stream().filter(Objects::nonNull).toList();
        }
      }
    }
    return values;
  }

  /** The items of a header list, split at every comma and trimmed, empty ones dropped. */
  private static List<String> items(String list) {
    List<String> items = new ArrayList<>();
    for (String item : list.split(",")) {
      String trimmed = item.strip();
      if (!trimmed.isEmpty()) {
        items.add(trimmed);
      }
    }
    return items;
  }

  private static PreflightAnswer refusal() {
    return new PreflightAnswer(Response.Status.FORBIDDEN).header(VARY, PREFLIGHT_VARY);
  }

  private PreflightAnswer refuse(ContainerRequestContext request, Supplier<String> reason) {
    log(request, reason);
    return refusal();
  }

  /**
   * The reason is only put into words when it is logged: refusals are the common case. Debug
   * mode logs it at INFO, which needs no logging set-up to be seen.
   */
  private void log(ContainerRequestContext request, Supplier<String> reason) {
    // Without debug mode one look-up, as before; the INFO budget is spent only if INFO is logged.
    Level level = debug.on() && LOG.isLoggable(Level.INFO) ? debug.refusalLevel() : Level.DEBUG;
    if (LOG.isLoggable(level)) {
      LOG.log(level, "CORS preflight refused for {0} {1} from {2}: {3}",
          CorsHeaders.forLog(request.getHeaderString(REQUEST_METHOD)),
          CorsHeaders.forLog(request.getUriInfo().getRequestUri().getRawPath()),
          CorsHeaders.forLog(request.getHeaderString(ORIGIN)), reason.get());
    }
  }

  /**
   * Says that a response filter of the application wrote {@code fields} into an answer of this
   * endpoint's, which {@link PreflightAnswerGuard} then took back: once for each field.
   */
  void warnAboutOwnGrant(int fields) {
    if ((fields & ~warnedAboutOwnGrant) == 0) {
      return;
    }
    warnedAboutOwnGrant |= fields;
    LOG.log(Level.WARNING, "corsgen: an answer to OPTIONS at " + path + " carried "
        + PreflightAnswer.fieldNames(fields) + " set by the application (a response filter of"
        + " its own?); corsgen removes them or puts back its own answer's values (said once for"
        + " each field and path)");
  }

  @Override
  public String toString() {
    return "PreflightEndpoint[" + path + " " + own.methodsWithPolicy() + "]";
  }
}
