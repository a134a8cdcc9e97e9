package org.corsgen.runtime.spi;

/**
 * Matching of origin patterns, subdomain patterns such as {@code https://*.example.com} and
 * port wildcards such as {@code http://localhost:*}: {@link OriginSet} at run time, and the
 * processor when it warns that a pattern already allows an origin of the same list.
 */
public final class OriginPatterns {

  private OriginPatterns() {}

  /**
   * Whether {@code origin} is {@code scheme} followed by one or more DNS labels and then
   * {@code suffix} (for {@code https://*.example.com:8443}: scheme {@code "https://"}, suffix
   * {@code ".example.com:8443"}).
   *
   * <p>Only lower-case letters, digits, hyphens, underscores and dots may stand in for the
   * {@code *}, with no empty label: the characters of a host as browsers serialize it (they keep
   * underscores, and an exact origin may have them too), which keeps look-alikes out
   * ({@code https://evil.com/.example.com}, {@code https://a.example.com:1@x}, or two origins
   * joined by a comma).
   */
  public static boolean matchesSubdomain(String origin, String scheme, String suffix) {
    return origin.endsWith(suffix)
        && hasSubdomainHost(origin, scheme, origin.length() - suffix.length());
  }

  /**
   * Whether {@code origin} starts with {@code scheme} followed, up to {@code hostEnd}, by one or
   * more DNS labels: the part of {@link #matchesSubdomain} left once the suffix has matched.
   */
  static boolean hasSubdomainHost(String origin, String scheme, int hostEnd) {
    int hostStart = scheme.length();
    if (hostEnd <= hostStart || !origin.startsWith(scheme)) {
      return false;
    }
    boolean labelStart = true;
    for (int i = hostStart; i < hostEnd; i++) {
      char c = origin.charAt(i);
      if (c == '.') {
        if (labelStart) {
          return false;
        }
        labelStart = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        labelStart = false;
      } else {
        return false;
      }
    }
    // The suffix starts with '.', so the last label may not be empty either.
    return !labelStart;
  }

  /**
   * Whether {@code origin} is {@code hostOrigin}, an origin written without its port
   * ({@code "http://localhost"}), on any port: {@code hostOrigin} itself (the scheme's default
   * port, which browsers leave out), or followed by {@code :} and a port from 1 to 65535 as
   * browsers write one.
   */
  public static boolean matchesHostOnAnyPort(String origin, String hostOrigin) {
    return origin.startsWith(hostOrigin) && isPortOrEnd(origin, hostOrigin.length());
  }

  /**
   * Whether {@code origin} is {@code scheme}, one or more DNS labels, {@code suffix}
   * ({@code ".example.com"}, no port) and then any port or none: {@code https://*.example.com:*}.
   */
  public static boolean matchesSubdomainOnAnyPort(String origin, String scheme, String suffix) {
    return matchesSubdomainEndingAt(origin, scheme, suffix, hostEndBeforeAnyPort(origin));
  }

  /**
   * Where the host of {@code origin} ends if a port as browsers write one follows it: at that
   * port's colon, else at the end. The same for every pattern, so {@link OriginSet} asks once.
   */
  static int hostEndBeforeAnyPort(String origin) {
    int colon = origin.lastIndexOf(':');
    // The scheme's own colon is never a port's: a subdomain host holds no colon of its own.
    return colon > origin.indexOf(':') && isPortOrEnd(origin, colon) ? colon : origin.length();
  }

  /** Whether {@code origin} up to {@code hostEnd} is {@code scheme}, labels and {@code suffix}. */
  static boolean matchesSubdomainEndingAt(String origin, String scheme, String suffix,
      int hostEnd) {
    int at = hostEnd - suffix.length();
    return at > 0 && origin.regionMatches(at, suffix, 0, suffix.length())
        && hasSubdomainHost(origin, scheme, at);
  }

  /**
   * Whether {@code origin} ends at {@code at}, or has a port there as browsers serialize it:
   * {@code :}, then 1 to 5 digits without a leading zero, at most 65535. Anything else after a
   * host ({@code .evil.com}, {@code :8080@x}) is another origin.
   */
  static boolean isPortOrEnd(String origin, int at) {
    return at == origin.length()
        || origin.charAt(at) == ':' && OriginSyntax.serializedPort(origin, at) >= 0;
  }
}
