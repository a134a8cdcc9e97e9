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
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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

  private final String source;
  private final OriginMatcher origins;
  private final boolean anyOrigin;
  private final boolean credentials;
  private final String allowHeaders;
  private final String[] allowedHeaderNames;
  private final boolean anyHeader;
  private final String exposeHeaders;
  private final String maxAge;

  private CorsPolicy(Builder builder) {
    this.source = builder.source;
    this.origins = builder.origins;
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

  /** Whether the answer depends on the request's origin, so that caches must vary on it. */
  public boolean variesByOrigin() {
    return !anyOrigin;
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

  private boolean allowsHeader(String list, int from, int to) {
    int length = to - from;
    for (String name : allowedHeaderNames) {
      if (name.length() == length && list.regionMatches(true, from, name, 0, length)) {
        return true;
      }
    }
    return anyHeader && !(length == 13 && list.regionMatches(true, from, "authorization", 0, 13));
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
      // Only a log line tells absent from empty or repeated; most requests have no Origin, and
      // Jersey's header map lower-cases the name (a new string) on every look-up.
      if (LOG.isLoggable(Level.DEBUG) && request.getHeaders().containsKey(ORIGIN)) {
        logRefusal(request, () -> "the Origin header is empty or repeated");
      }
      return;
    }
    if (!origins.matches(origin)) {
      logRefusal(request, () -> "origin " + origin + " is not allowed");
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
          request.getUriInfo().getRequestUri().getRawPath(), reason.get(), source);
    }
  }

  @Override
  public String toString() {
    return "CorsPolicy[" + source + "]";
  }

  /** Assembles a policy from generated constants. */
  public static final class Builder {
    private final String source;
    private OriginMatcher origins;
    private boolean anyOrigin;
    private boolean credentials;
    private String allowHeaders = "";
    private String exposeHeaders = "";
    private String maxAge = "";

    private Builder(String source) {
      this.source = Objects.requireNonNull(source);
    }

    /** Allows the origins {@code matcher} accepts. */
    public Builder allowOrigins(OriginMatcher matcher) {
      this.origins = Objects.requireNonNull(matcher);
      return this;
    }

    /** Allows every origin, answering {@code Access-Control-Allow-Origin: *}. */
    public Builder allowAnyOrigin() {
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
      if (anyOrigin == (origins != null)) {
        throw new IllegalStateException(source + ": give either allowOrigins or allowAnyOrigin");
      }
      if (anyOrigin && credentials) {
        // Fetch: "*" never matches a credentialed request; the processor rejects this policy.
        throw new IllegalStateException(source + ": any origin cannot allow credentials");
      }
      return new CorsPolicy(this);
    }
  }
}
