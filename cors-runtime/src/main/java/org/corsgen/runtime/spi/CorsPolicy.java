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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One validated {@code @Cors} policy, built once from the constants the processor generated, and
 * the response filter that applies it to actual (non-preflight) responses.
 *
 * <p>Every header value is fixed when the policy is built; per request the filter only matches
 * the origin (a generated {@code switch}) and puts precomputed strings.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class CorsPolicy implements ContainerResponseFilter {

  private static final Logger LOG = System.getLogger("org.corsgen");

  /** Decides whether an origin is allowed; generated as a {@code switch} over exact origins. */
  @FunctionalInterface
  public interface OriginMatcher {
    boolean matches(String origin);
  }

  /**
   * An {@code origins} entry such as {@code ${cors.origins}} or {@code ${cors.origins:default}},
   * resolved once per application by {@link #resolve}.
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

  /**
   * A value found for a placeholder.
   *
   * @param text the comma-separated origins
   * @param from where it was found, such as {@code system property cors.origins}
   */
  public record ConfiguredValue(String text, String from) {}

  private final Builder spec;
  private final String source;
  private final String originList;
  private final OriginMatcher origins;
  private final boolean anyOrigin;
  private final boolean credentials;
  private final String allowHeaders;
  private final String[] allowedHeaderNames;
  private final boolean anyHeader;
  private final String exposeHeaders;
  private final String maxAge;

  private CorsPolicy(Builder builder) {
    this.spec = builder.copy();
    this.source = builder.source;
    this.originList = builder.placeholders.isEmpty() ? builder.originList
        : (builder.originList == null ? "" : builder.originList + ", ")
            + builder.placeholders.stream().map(Placeholder::toString)
                .collect(Collectors.joining(", "));
    // Until resolve() runs, configured origins match nothing: a policy never grants more than
    // its configuration says.
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

  /** Whether some origins come from configuration, so that {@link #resolve} must run first. */
  public boolean hasPlaceholders() {
    return !spec.placeholders.isEmpty();
  }

  /**
   * This policy with its placeholders replaced by the origins {@code lookup} finds for them
   * (or their defaults), checked by the same rules the processor applies to literal origins.
   *
   * @throws IllegalStateException naming the policy, the key, the value and the rule broken,
   *     when a value is missing or is not a valid list of origins
   */
  public CorsPolicy resolve(Function<String, Optional<ConfiguredValue>> lookup) {
    if (!hasPlaceholders()) {
      return this;
    }
    Set<String> exact = new HashSet<>();
    List<OriginSyntax.Pattern> patterns = new ArrayList<>();
    StringJoiner listed = new StringJoiner(", ");
    if (spec.originList != null) {
      listed.add(spec.originList);
    }
    boolean any = false;
    for (Placeholder placeholder : spec.placeholders) {
      ConfiguredValue value = lookup.apply(placeholder.key())
          .or(() -> placeholder.defaultValue().map(text -> new ConfiguredValue(text,
              "the default in " + placeholder)))
          .orElseThrow(() -> new IllegalStateException(source + ": origins placeholder "
              + placeholder + " has no value. Set the JAX-RS property or the system property "
              + placeholder.key() + ", or the environment variable " + environmentName(
                  placeholder.key()) + ", to a comma-separated list of origins such as"
              + " https://app.example.com, or give a default: ${" + placeholder.key()
              + ":https://app.example.com}."));
      String[] entries = value.text().split(",", -1);
      for (String raw : entries) {
        String entry = raw.strip();
        OriginSyntax.Entry parsed = OriginSyntax.parse(entry);
        if (parsed instanceof OriginSyntax.Invalid invalid) {
          throw new IllegalStateException(source + ": origins placeholder " + placeholder
              + " is \"" + value.text() + "\" (from " + value.from() + "), and \"" + entry
              + "\" in it " + describe(invalid) + ".");
        } else if (spec.credentials && OriginSyntax.isCleartext(parsed)) {
          throw new IllegalStateException(source + ": origins placeholder " + placeholder
              + " is \"" + value.text() + "\" (from " + value.from() + "), and \"" + entry
              + "\" in it is plain http on another machine while allowCredentials = true: an"
              + " active network attacker could read the credentialed responses. Use https, or"
              + " a loopback origin for development.");
        } else if (parsed instanceof OriginSyntax.AnyOrigin) {
          if (spec.credentials || spec.origins != null || spec.placeholders.size() > 1
              || entries.length > 1) {
            throw new IllegalStateException(source + ": origins placeholder " + placeholder
                + " is \"" + value.text() + "\" (from " + value.from() + "), and \"*\" may only"
                + " stand alone, and never with allowCredentials = true (browsers reject"
                + " \"Access-Control-Allow-Origin: *\" on credentialed requests). List the"
                + " origins instead.");
          }
          any = true;
        } else if (parsed instanceof OriginSyntax.Exact origin) {
          exact.add(origin.origin());
        } else if (parsed instanceof OriginSyntax.Pattern pattern) {
          patterns.add(pattern);
        }
      }
      listed.add(placeholder.key() + "=" + value.text().strip());
    }
    Builder resolved = spec.copy();
    resolved.placeholders = List.of();
    if (any) {
      resolved.origins = null;
      resolved.anyOrigin = true;
      resolved.originList = "*";
    } else {
      resolved.origins = configuredMatcher(spec.origins, Set.copyOf(exact), List.copyOf(patterns));
      resolved.originList = listed.toString();
    }
    return resolved.build();
  }

  private static OriginMatcher configuredMatcher(OriginMatcher literal, Set<String> exact,
      List<OriginSyntax.Pattern> patterns) {
    return origin -> (literal != null && literal.matches(origin))
        || exact.contains(origin)
        || patterns.stream().anyMatch(pattern ->
            OriginPatterns.matchesSubdomain(origin, pattern.scheme(), pattern.suffix()));
  }

  private static String describe(OriginSyntax.Invalid invalid) {
    String what = switch (invalid.problem()) {
      case BLANK -> "is empty";
      case NULL -> "is \"null\", which sandboxed iframes, file: pages and redirects send, so any"
          + " site can forge it";
      case FILE_SCHEME -> "is a file: URL; browsers send \"null\" for file: pages";
      case NO_SCHEME -> "has no scheme; browsers send scheme://host[:port]";
      case NOT_PUNYCODE -> "has a non-ASCII host, which browsers send in punycode";
      case MALFORMED -> "is not a serialized origin (" + invalid.detail() + ")";
      case BAD_WILDCARD -> "has a wildcard other than one leading \"*.\" label in the host";
    };
    return what + invalid.fix().map(fix -> "; write \"" + fix + "\"").orElse("");
  }

  /** The environment variable for a key: upper case, dots and dashes as underscores. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
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

  public boolean allowsCredentials() {
    return credentials;
  }

  /** The {@code Access-Control-Allow-Headers} value; empty for none. */
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
   * non-wildcard request-header name").
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
   * Whether a preflight answered by this policy lets a page do something that {@code other} does
   * not allow: send a request header it does not list, or send credentials.
   *
   * <p>Browsers cache the allowed header names of a preflight per origin and URL, not per method,
   * and an entry made with credentials serves credentialed requests later. So when two policies
   * at one URL grant the same origin, the broader one's answer must not be cached, or the
   * narrower one's methods would be sent with its headers or credentials without asking.
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
    for (String name : allowedHeaderNames) {
      if (name.length() == length && CorsHeaders.equalsIgnoreAsciiCase(list, from, name)) {
        return true;
      }
    }
    return anyHeader
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
      headers.putSingle(ALLOW_ORIGIN, "*");
      putExposeHeaders(headers);
      return;
    }
    CorsHeaders.addVary(headers, ORIGIN);
    String origin = CorsHeaders.single(request.getHeaders(), ORIGIN);
    if (origin == null) {
      if (request.getHeaders().containsKey(ORIGIN)) {
        logRefusal(request, () -> "the Origin header is empty or repeated");
      }
      return;
    }
    if (!origins.matches(origin)) {
      logRefusal(request, () -> "origin " + CorsHeaders.forLog(origin) + " is not in ["
          + originList + "]");
      return;
    }
    headers.putSingle(ALLOW_ORIGIN, origin);
    if (credentials) {
      headers.putSingle(ALLOW_CREDENTIALS, "true");
    }
    putExposeHeaders(headers);
  }

  private void putExposeHeaders(MultivaluedMap<String, Object> headers) {
    if (!exposeHeaders.isEmpty()) {
      headers.putSingle(EXPOSE_HEADERS, exposeHeaders);
    }
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
    private List<Placeholder> placeholders = List.of();
    private boolean anyOrigin;
    private boolean credentials;
    private String allowHeaders = "";
    private String exposeHeaders = "";
    private String maxAge = "";

    private Builder(String source) {
      this.source = Objects.requireNonNull(source);
    }

    /**
     * Allows the origins {@code matcher} accepts; {@code declared} lists them as written in
     * {@code @Cors}, for log messages.
     */
    public Builder allowOrigins(String declared, OriginMatcher matcher) {
      this.originList = Objects.requireNonNull(declared);
      this.origins = Objects.requireNonNull(matcher);
      return this;
    }

    /**
     * Allows the origins configured under {@code key} at start-up: a JAX-RS configuration
     * property, else a system property, else the environment variable {@link #environmentName}.
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

    private Builder copy() {
      Builder copy = new Builder(source);
      copy.originList = originList;
      copy.origins = origins;
      copy.placeholders = placeholders;
      copy.anyOrigin = anyOrigin;
      copy.credentials = credentials;
      copy.allowHeaders = allowHeaders;
      copy.exposeHeaders = exposeHeaders;
      copy.maxAge = maxAge;
      return copy;
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

    /** The exact {@code Access-Control-Max-Age} value; without this call the header is left out. */
    public Builder maxAge(String seconds) {
      this.maxAge = Objects.requireNonNull(seconds);
      return this;
    }

    public CorsPolicy build() {
      if (anyOrigin == (origins != null || !placeholders.isEmpty())) {
        throw new IllegalStateException(source
            + ": give either allowAnyOrigin, or allowOrigins and/or allowConfiguredOrigins");
      }
      if (anyOrigin && credentials) {
        // Fetch: "*" never matches a credentialed request; the processor rejects this policy.
        throw new IllegalStateException(source + ": any origin cannot allow credentials");
      }
      return new CorsPolicy(this);
    }
  }
}
