package org.corsgen.runtime.spi;

/**
 * Matching of subdomain patterns such as {@code https://*.example.com}: {@link OriginSet} at run
 * time, and the processor when it warns that a pattern already allows an origin of the same list.
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
}
