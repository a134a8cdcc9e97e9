package org.corsgen.processor.model;

/**
 * An origin pattern, split the way it is matched. A subdomain pattern such as
 * {@code https://*.example.com}: an origin matches when it is {@code scheme}, then one or more
 * DNS labels, then {@code suffix}, which starts with {@code .}. A port wildcard,
 * {@code anyPort}, such as {@code http://localhost:*} or {@code https://*.example.com:*}: the
 * suffix, or the host when it does not start with {@code .}, is followed by any port or none.
 *
 * @param scheme the scheme with its separator, {@code "https://"}
 * @param suffix the rest after the {@code *}, {@code ".example.com"} or
 *     {@code ".example.com:8443"}; for a port wildcard, the part before {@code :*}:
 *     {@code ".example.com"} or the host {@code "localhost"}
 * @param anyPort whether any port may follow
 */
public record OriginPattern(String scheme, String suffix, boolean anyPort) {

  public OriginPattern {
    if (!anyPort && !suffix.startsWith(".")) {
      throw new IllegalArgumentException("neither subdomains nor any port: " + suffix);
    }
  }

  /** A subdomain pattern, with the port, if any, in its suffix. */
  public OriginPattern(String scheme, String suffix) {
    this(scheme, suffix, false);
  }

  /** Whether a {@code *.} label stands for one or more labels before the suffix. */
  public boolean subdomains() {
    return suffix.startsWith(".");
  }

  @Override
  public String toString() {
    return scheme + (subdomains() ? "*" : "") + suffix + (anyPort ? ":*" : "");
  }
}
