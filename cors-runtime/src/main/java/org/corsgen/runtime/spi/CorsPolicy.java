package org.corsgen.runtime.spi;

import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_CREDENTIALS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.EXPOSE_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.ORIGIN;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One validated {@code @Cors} policy, built once from the constants the processor generated, and
 * the response filter that applies it to actual (non-preflight) responses.
 *
 * <p>Every header value is fixed when the policy is built; per request the filter only matches
 * the origin (an {@link OriginSet} look-up) and puts precomputed strings.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class CorsPolicy implements ContainerResponseFilter {

  private static final Logger LOG = System.getLogger("org.corsgen");
  private static final String ALLOW_ORIGIN_KEY = ALLOW_ORIGIN.toLowerCase(Locale.ROOT);
  private static final String ALLOW_CREDENTIALS_KEY = ALLOW_CREDENTIALS.toLowerCase(Locale.ROOT);
  private static final String EXPOSE_HEADERS_KEY = EXPOSE_HEADERS.toLowerCase(Locale.ROOT);
  /** Grants an application set itself, as bits of the set {@link #warnAboutOwn} names. */
  private static final int OWN_ORIGIN = 1;
  private static final int OWN_CREDENTIALS = 2;
  private static final int OWN_EXPOSE_HEADERS = 4;

  /** Decides whether an origin is allowed: an {@link OriginSet} for the origins a policy lists. */
  @FunctionalInterface
  public interface OriginMatcher {
    boolean matches(String origin);
  }

  /**
   * An {@code origins} entry such as {@code ${cors.origins}} or {@code ${cors.origins:default}},
   * resolved at each start of the application, a {@code Container.reload()} included.
   *
   * @param key the configuration key
   * @param defaultValue the comma-separated origins to use when the key has no value
   */
  public record Placeholder(String key, Optional<String> defaultValue) {
    @Override
    public String toString() {
      return "${" + key + defaultValue.map(value -> ":" + value).orElse("") + "}";
    }
  }

  private final String source;
  private final String literalOrigins;
  private final OriginMatcher literalMatcher;
  /**
   * Whether {@link #literalMatcher} came from {@link Builder#allowOriginsMatching}, whose text
   * only names it: two such policies allow the same origins only when they share the matcher.
   */
  private final boolean namedMatcher;
  private final List<Placeholder> placeholders;
  private final String originList;
  /** The origins as {@code @Cors} writes them, placeholders and all, resolved or not. */
  private final String declaredOrigins;
  /** Each placeholder's value and where it came from, once resolved. */
  private final List<String> configuredValues;
  private final OriginMatcher origins;
  private final boolean anyOrigin;
  private final boolean credentials;
  private final String allowHeaders;
  private final String[] allowedHeaderNames;
  private final boolean anyHeader;
  private final String exposeHeaders;
  private final String maxAge;
  /**
   * The fields an application set that a warning has named ({@link #OWN_ORIGIN} and the like): a
   * log line, not a guard, so racing threads may both print one.
   */
  private volatile int warnedAboutOwn;

  private CorsPolicy(Builder builder) {
    this.source = builder.source;
    this.literalOrigins = builder.originList;
    this.literalMatcher = builder.origins;
    this.namedMatcher = builder.namedMatcher;
    this.placeholders = builder.placeholders;
    this.originList = builder.placeholders.isEmpty() ? builder.originList
        : (builder.originList == null ? "" : builder.originList + ", ")
            + builder.placeholders.stream().map(Placeholder::toString)
                .collect(Collectors.joining(", "));
    this.declaredOrigins = builder.declaredOrigins != null ? builder.declaredOrigins : originList;
    this.configuredValues = builder.configuredValues;
    // Until the configured origins are resolved, they match nothing: a policy never grants more
    // than its configuration says.
    this.origins = builder.origins != null ? builder.origins : origin -> false;
    this.anyOrigin = builder.anyOrigin;
    this.credentials = builder.credentials;
    this.allowHeaders = builder.allowHeaders;
    this.allowedHeaderNames = builder.allowHeaders.isEmpty()
        ? new String[0]
        : builder.allowHeaders.split(", ");
    this.anyHeader = Arrays.asList(allowedHeaderNames).contains("*");
    this.exposeHeaders = builder.exposeHeaders;
    this.maxAge = builder.maxAge;
  }

  /** Starts a policy; {@code source} names where it was declared, for log messages. */
  public static Builder builder(String source) {
    return new Builder(source);
  }

  /** Where the policy was declared, such as {@code @Cors on com.example.ItemsResource}. */
  public String source() {
    return source;
  }

  /** The allowed origins as declared, such as {@code https://a.com, https://*.b.com}, for logs. */
  public String originList() {
    return originList;
  }

  /**
   * The allowed origins as {@code @Cors} writes them, placeholders included even once resolved,
   * such as {@code https://a.com, ${frontend.origins}}: for a listing of many paths, beside
   * {@link #configuredValues()} said once.
   */
  public String declaredOriginList() {
    return declaredOrigins;
  }

  /**
   * For a policy whose placeholders are resolved, each one's value and where it came from, such as
   * {@code frontend.origins=https://a.com (system property frontend.origins)}; else empty.
   */
  public List<String> configuredValues() {
    return configuredValues;
  }

  /** Whether some origins are written in {@code @Cors} itself rather than configured. */
  public boolean hasLiteralOrigins() {
    return literalMatcher != null;
  }

  /** The origins that come from configuration; empty once resolved, or when there are none. */
  public List<Placeholder> placeholders() {
    return placeholders;
  }

  /**
   * This policy with its placeholders replaced by configured origins: {@code configured} is
   * consulted after the origins written literally, and {@code configuredValues} (each
   * placeholder's value and where it came from) name them in logs. An application resolves each
   * policy once per start.
   */
  public CorsPolicy withConfiguredOrigins(List<String> configuredValues,
      OriginMatcher configured) {
    Builder resolved = resolvedBuilder(configuredValues);
    String configuredList = String.join(", ", configuredValues);
    resolved.originList = literalOrigins == null ? configuredList
        : literalOrigins + ", " + configuredList;
    OriginMatcher literal = literalMatcher;
    resolved.origins = literal == null
        ? configured
        : origin -> literal.matches(origin) || configured.matches(origin);
    return resolved.build();
  }

  /**
   * This policy, whose only origins came from configuration as {@code *}, open to any origin;
   * {@code configuredValues} say in logs where the {@code *} came from.
   */
  public CorsPolicy withAnyOrigin(List<String> configuredValues) {
    Builder resolved = resolvedBuilder(configuredValues);
    resolved.origins = null;
    resolved.allowAnyOrigin();
    resolved.originList = String.join(", ", configuredValues);
    return resolved.build();
  }

  private Builder resolvedBuilder(List<String> configuredValues) {
    Builder resolved = toBuilder();
    resolved.placeholders = List.of();
    resolved.declaredOrigins = declaredOrigins;
    resolved.configuredValues = List.copyOf(configuredValues);
    return resolved;
  }

  private Builder toBuilder() {
    Builder builder = new Builder(source);
    builder.originList = literalOrigins;
    builder.origins = literalMatcher;
    builder.namedMatcher = namedMatcher;
    builder.placeholders = placeholders;
    builder.anyOrigin = anyOrigin;
    builder.credentials = credentials;
    builder.allowHeaders = allowHeaders;
    builder.exposeHeaders = exposeHeaders;
    builder.maxAge = maxAge;
    return builder;
  }

  /** Whether a page served from {@code origin} may use this policy's endpoints. */
  public boolean allowsOrigin(String origin) {
    return anyOrigin || origins.matches(origin);
  }

  /**
   * The value of {@code Access-Control-Allow-Origin} for an allowed origin: {@code *} for a
   * policy open to any origin (which never has credentials), otherwise the origin itself.
   */
  public String allowOriginValue(String origin) {
    return anyOrigin ? "*" : origin;
  }

  /** Whether {@code allowHeaders} has {@code "*"}: every name but Authorization and {@code *}. */
  public boolean allowsAnyHeader() {
    return anyHeader;
  }

  public boolean allowsCredentials() {
    return credentials;
  }

  /**
   * The {@code Access-Control-Allow-Headers} value as declared; empty for none. Under
   * {@code "*"} an allowed preflight names the headers it asked for instead.
   */
  public String allowHeaders() {
    return allowHeaders;
  }

  /** The {@code Access-Control-Max-Age} value; empty when the header is left out. */
  public String maxAge() {
    return maxAge;
  }

  /**
   * The first name in an {@code Access-Control-Request-Headers} value that this policy does not
   * allow, or empty when it allows them all. Names are compared ignoring case, items may have
   * spaces around them and empty items are skipped, as the Fetch standard's list parsing does.
   * Case is ignored for ASCII letters only (Fetch: "byte-case-insensitive").
   * A {@code *} allows any name except {@code Authorization}, which must be named (Fetch: "CORS
   * non-wildcard request-header name"), and except items that are no header name (no token). A
   * name {@code *} is refused under every policy: no header is named so, and it would be answered
   * as the wildcard.
   */
  public Optional<String> firstRefusedHeader(String requestHeaders) {
    int length = requestHeaders.length();
    int start = 0;
    while (start < length) {
      int end = requestHeaders.indexOf(',', start);
      if (end < 0) {
        end = length;
      }
      int from = CorsHeaders.skipSpace(requestHeaders, start, end);
      int to = CorsHeaders.trimSpace(requestHeaders, from, end);
      if (from < to && !allowsHeader(requestHeaders, from, to)) {
        return Optional.of(requestHeaders.substring(from, to));
      }
      start = end + 1;
    }
    return Optional.empty();
  }

  /**
   * Whether a preflight gets the same answer from this policy as from {@code other}: the same
   * origins (as written, and from the same matcher where {@link Builder#allowOriginsMatching}
   * gave one), allowed header names (in any case), credentials and max age. Exposed headers reach
   * only actual responses, which each resource method's own filter answers. The processor leaves
   * exposed headers out too when it looks for conflicting policies at a path, but compares the
   * header names as written: {@code {"*", "X-A"}} and {@code {"*"}}, alike here, conflict there.
   */
  public boolean answersPreflightsLike(CorsPolicy other) {
    return anyOrigin == other.anyOrigin && Objects.equals(maxAge, other.maxAge)
        && originItems().equals(other.originItems())
        && (!(namedMatcher || other.namedMatcher) || literalMatcher == other.literalMatcher)
        && !exceeds(other) && !other.exceeds(this);
  }

  private Set<String> originItems() {
    return originList == null ? Set.of() : new HashSet<>(Arrays.asList(originList.split(", ")));
  }

  /**
   * Whether a preflight answered by this policy lets a page do something that {@code other} does
   * not allow: send a request header it does not list, or send credentials.
   *
   * <p>Browsers cache the allowed header names of a preflight per origin and URL, not per method,
   * and an entry made with credentials serves credentialed requests later. So when two policies
   * at one URL grant the same origin, the broader one's answer must not be cached, or the
   * narrower one's methods would be sent with its headers or credentials without asking.
   *
   * <p>A {@code *} exceeds every list here; an answer under it names only the headers asked for,
   * and the preflight endpoint compares those names with {@code other} before it gives up caching.
   */
  public boolean exceeds(CorsPolicy other) {
    if (credentials && !other.credentials) {
      return true;
    }
    for (String name : allowedHeaderNames) {
      boolean covered = name.equals("*")
          ? other.anyHeader
          : other.allowsHeader(name, 0, name.length());
      if (!covered) {
        return true;
      }
    }
    return false;
  }

  private boolean allowsHeader(String list, int from, int to) {
    int length = to - from;
    // No header is named "*", and one asked for would be answered as the wildcard itself.
    if (length == 1 && list.charAt(from) == '*') {
      return false;
    }
    for (String name : allowedHeaderNames) {
      if (name.length() == length && CorsHeaders.equalsIgnoreAsciiCase(list, from, name)) {
        return true;
      }
    }
    // The listed names are tokens, so only the wildcard needs the check that the requested name
    // is one: Access-Control-Request-Headers is "1#field-name" (Fetch, "HTTP new-header
    // syntax"), and an item that does not parse is refused, not granted.
    return anyHeader
        && CorsHeaders.isToken(list, from, to)
        && !(length == 13 && CorsHeaders.equalsIgnoreAsciiCase(list, from, "authorization"));
  }

  /**
   * Adds the CORS headers to an actual response: {@code Access-Control-Allow-Origin}, credentials
   * and exposed headers when the origin is allowed, and {@code Vary: Origin} whenever the answer
   * depends on the origin, including for refused and origin-less requests.
   */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (anyOrigin) {
      // Nothing to take back: the answer is public, and "*" makes browsers ignore a credentials
      // header the application may have set. Exposed headers are the policy's alone, as below.
      headers.putSingle(ALLOW_ORIGIN, "*");
      warnAboutOwn(putExposeHeaders(headers));
      return;
    }
    CorsHeaders.addVary(headers, ORIGIN);
    String origin = CorsHeaders.single(request.getHeaders(), ORIGIN);
    if (origin == null) {
      // Only a log line tells absent from empty or repeated; most requests have no Origin, and
      // Jersey's header map lower-cases the name (a new string) on every look-up.
      if (LOG.isLoggable(Level.DEBUG) && request.getHeaders().containsKey(ORIGIN)) {
        logRefusal(request, () -> "the Origin header is empty or repeated");
      }
      // Not a CORS request, but its answer may reach a page all the same: the browser stores it,
      // and revalidates it for a page's CORS request, sending that page's Origin; a 304 cannot
      // take back a grant stored with the answer, so the application's go now (Chromium let a
      // refused origin read a credentialed answer so). Most requests take this path.
      warnAboutOwn(removeGrants(headers));
      return;
    }
    if (!origins.matches(origin)) {
      logRefusal(request, () -> "origin " + CorsHeaders.forLog(origin) + " is not in ["
          + CorsHeaders.listForLog(originList) + "]");
      warnAboutOwn(removeGrants(headers));
      return;
    }
    headers.putSingle(ALLOW_ORIGIN, origin);
    int own = 0;
    if (credentials) {
      headers.putSingle(ALLOW_CREDENTIALS, "true");
    } else {
      own = removeOwn(headers, ALLOW_CREDENTIALS_KEY, OWN_CREDENTIALS);
    }
    warnAboutOwn(own | putExposeHeaders(headers));
  }

  /**
   * What a page may read is the policy's alone, as the policy report says: a list the application
   * set itself is replaced, or removed when the policy exposes nothing.
   */
  private int putExposeHeaders(MultivaluedMap<String, Object> headers) {
    if (exposeHeaders.isEmpty()) {
      return removeOwn(headers, EXPOSE_HEADERS_KEY, OWN_EXPOSE_HEADERS);
    }
    // A look-up rather than a removal, which would make putSingle allocate a new list each time.
    List<Object> own = headers.get(EXPOSE_HEADERS_KEY);
    // Told before putSingle, which may write into the same list.
    int replaced = own != null && !(own.size() == 1 && exposeHeaders.equals(own.get(0)))
        ? OWN_EXPOSE_HEADERS : 0;
    headers.putSingle(EXPOSE_HEADERS, exposeHeaders);
    return replaced;
  }

  /**
   * A refused origin gets no grant that was written before this filter runs: a resource method,
   * or a response filter with a higher priority number (the default's, say), that set
   * {@code Access-Control-Allow-Origin: *} itself would otherwise open what the policy closes.
   * Filters with a lower number run after this one and are beyond its reach (README, Limits).
   */
  private int removeGrants(MultivaluedMap<String, Object> headers) {
    return removeOwn(headers, ALLOW_ORIGIN_KEY, OWN_ORIGIN)
        | removeOwn(headers, ALLOW_CREDENTIALS_KEY, OWN_CREDENTIALS)
        | removeOwn(headers, EXPOSE_HEADERS_KEY, OWN_EXPOSE_HEADERS);
  }

  /**
   * Removes a CORS header the application set itself, where the policy answers otherwise (an
   * {@code Access-Control-Allow-Credentials: true} beside corsgen's echoed origin would let pages
   * read credentialed responses the policy does not allow). The key is lower case: header maps
   * ignore case, and Jersey's lower-cases every key it looks up, which allocates unless it
   * already is.
   */
  private static int removeOwn(MultivaluedMap<String, Object> headers, String lowerCaseName,
      int field) {
    return headers.remove(lowerCaseName) != null ? field : 0;
  }

  /**
   * Says which of the application's own fields ({@code own}, a set of {@link #OWN_ORIGIN} and
   * the like) a response carried, once for each field: all of them, since the credentials one
   * matters most and may come with the others.
   */
  private void warnAboutOwn(int own) {
    if ((own & ~warnedAboutOwn) == 0) {
      return;
    }
    warnedAboutOwn |= own;
    StringJoiner fields = new StringJoiner(", ");
    if ((own & OWN_ORIGIN) != 0) {
      fields.add(ALLOW_ORIGIN_KEY);
    }
    if ((own & OWN_CREDENTIALS) != 0) {
      fields.add(ALLOW_CREDENTIALS_KEY);
    }
    if ((own & OWN_EXPOSE_HEADERS) != 0) {
      fields.add(EXPOSE_HEADERS_KEY);
    }
    LOG.log(Level.WARNING, "corsgen: a response under " + source + " carried " + fields
        + " set by the application; corsgen removes them or replaces them with what the policy"
        + " answers (said once for each field)");
  }

  /** The reason is only put into words when it is logged. */
  private void logRefusal(ContainerRequestContext request, Supplier<String> reason) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "CORS refused for {0} {1}: {2} ({3})", request.getMethod(),
          CorsHeaders.forLog(request.getUriInfo().getRequestUri().getRawPath()), reason.get(),
          source);
    }
  }

  @Override
  public String toString() {
    return "CorsPolicy[" + source + "]";
  }

  /** Assembles a policy from generated constants. */
  public static final class Builder {
    private final String source;
    private String originList;
    private OriginMatcher origins;
    private boolean namedMatcher;
    private List<Placeholder> placeholders = List.of();
    private String declaredOrigins;
    private List<String> configuredValues = List.of();
    private boolean anyOrigin;
    private boolean credentials;
    private String allowHeaders = "";
    private String exposeHeaders = "";
    private String maxAge = "";
    private final OriginSet.Builder literal = OriginSet.builder();
    private boolean hasLiteral;

    private Builder(String source) {
      this.source = Objects.requireNonNull(source);
    }

    /** Allows these serialized origins, such as {@code https://app.example.com}, exactly. */
    public Builder allowOrigins(String... origins) {
      literal.exact(origins);
      hasLiteral = true;
      return this;
    }

    /**
     * Allows the hosts under a subdomain pattern, given split where its {@code *} stands:
     * {@code https://*.example.com} is {@code allowSubdomains("https://", ".example.com")}.
     */
    public Builder allowSubdomains(String scheme, String suffix) {
      literal.subdomains(scheme, suffix);
      hasLiteral = true;
      return this;
    }

    /**
     * Allows a host on any port, the default one included: {@code http://localhost:*} is
     * {@code allowHostOnAnyPort("http://", "localhost")}.
     */
    public Builder allowHostOnAnyPort(String scheme, String host) {
      literal.hostOnAnyPort(scheme, host);
      hasLiteral = true;
      return this;
    }

    /**
     * Allows the hosts under a subdomain pattern on any port, the default one included, given
     * split as {@link #allowSubdomains} splits a pattern: {@code https://*.example.com:*} is
     * {@code allowSubdomainsOnAnyPort("https://", ".example.com")}.
     */
    public Builder allowSubdomainsOnAnyPort(String scheme, String suffix) {
      literal.subdomainsOnAnyPort(scheme, suffix);
      hasLiteral = true;
      return this;
    }

    /**
     * Allows the origins {@code matcher} accepts, instead of listed ones; {@code declared} names
     * them for log messages.
     */
    public Builder allowOriginsMatching(String declared, OriginMatcher matcher) {
      this.originList = Objects.requireNonNull(declared);
      this.origins = Objects.requireNonNull(matcher);
      this.namedMatcher = true;
      return this;
    }

    /**
     * Allows the origins configured under {@code key} at start-up: a JAX-RS configuration
     * property, else a system property, else an environment variable.
     */
    public Builder allowConfiguredOrigins(String key) {
      return addPlaceholder(new Placeholder(key, Optional.empty()));
    }

    /** As {@link #allowConfiguredOrigins(String)}, with origins to use when nothing is set. */
    public Builder allowConfiguredOrigins(String key, String defaultOrigins) {
      return addPlaceholder(new Placeholder(key, Optional.of(defaultOrigins)));
    }

    private Builder addPlaceholder(Placeholder placeholder) {
      List<Placeholder> all = new ArrayList<>(placeholders);
      all.add(placeholder);
      placeholders = List.copyOf(all);
      return this;
    }

    /** Allows every origin, answering {@code Access-Control-Allow-Origin: *}. */
    public Builder allowAnyOrigin() {
      this.originList = "*";
      this.anyOrigin = true;
      return this;
    }

    public Builder allowCredentials() {
      this.credentials = true;
      return this;
    }

    /** The exact {@code Access-Control-Allow-Headers} value: names joined by {@code ", "}. */
    public Builder allowHeaders(String headerValue) {
      this.allowHeaders = Objects.requireNonNull(headerValue);
      return this;
    }

    /** The exact {@code Access-Control-Expose-Headers} value. */
    public Builder exposeHeaders(String headerValue) {
      this.exposeHeaders = Objects.requireNonNull(headerValue);
      return this;
    }

    /**
     * How long a browser may cache the preflight's answer ({@code Access-Control-Max-Age});
     * without this call the header is left out, so browsers cache it for five seconds.
     */
    public Builder maxAge(int seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException(source + ": maxAge " + seconds + " is negative");
      }
      this.maxAge = Integer.toString(seconds);
      return this;
    }

    public CorsPolicy build() {
      if (hasLiteral) {
        if (origins != null) {
          throw new IllegalStateException(source
              + ": give either listed origins or allowOriginsMatching, not both");
        }
        OriginSet listed = literal.build();
        originList = listed.toString();
        origins = listed;
        hasLiteral = false;
      }
      if (anyOrigin == (origins != null || !placeholders.isEmpty())) {
        throw new IllegalStateException(source
            + ": give either allowAnyOrigin, or allowOrigins and/or allowConfiguredOrigins");
      }
      if (anyOrigin && credentials) {
        // Fetch: "*" never matches a credentialed request; the processor rejects this policy.
        throw new IllegalStateException(source + ": any origin cannot allow credentials");
      }
      if (credentials && listsWildcard(allowHeaders)) {
        // A preflight does not say whether the request will carry credentials: an answer of "*"
        // would be the wildcard to a request without them. The processor rejects this policy.
        throw new IllegalStateException(source
            + ": allowHeaders \"*\" cannot allow credentials; list the header names");
      }
      if (credentials && listsWildcard(exposeHeaders)) {
        // Under credentials a browser reads "*" as a header named "*": nothing is exposed. The
        // processor rejects this policy.
        throw new IllegalStateException(source
            + ": exposeHeaders \"*\" cannot allow credentials; list the header names");
      }
      return new CorsPolicy(this);
    }

    /** Whether a header value's comma-separated items include {@code *}, however spaced. */
    private static boolean listsWildcard(String headerValue) {
      return Arrays.stream(headerValue.split(",")).anyMatch(item -> item.strip().equals("*"));
    }
  }
}
