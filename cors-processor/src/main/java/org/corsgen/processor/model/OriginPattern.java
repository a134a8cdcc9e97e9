package org.corsgen.processor.model;

/**
 * A subdomain pattern such as {@code https://*.example.com}, split the way it is matched: an
 * origin matches when it is {@code scheme}, then one or more DNS labels, then {@code suffix}.
 *
 * @param scheme the scheme with its separator, {@code "https://"}
 * @param suffix the rest after the {@code *}, {@code ".example.com"} or {@code ".example.com:8443"}
 */
public record OriginPattern(String scheme, String suffix) {

  @Override
  public String toString() {
    return scheme + "*" + suffix;
  }
}
