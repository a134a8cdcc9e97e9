package org.corsgen.processor.validation;

import java.util.Map;
import java.util.Optional;

/**
 * Domains under which anyone can get a name, though the Public Suffix List (as {@link
 * PublicSuffixes} has it) does not say so: a subdomain pattern over one, over a name above one,
 * or over a name below one (where the service hands out names a level deeper, as Gitpod does
 * under {@code ws-eu114.gitpod.io}), lets every stranger's page read the responses. Kept short
 * and certain: services that hand a name to anyone who asks, by design.
 */
final class SharedHosts {

  /** Each domain, and what hands out names under it. */
  private static final Map<String, String> DOMAINS = Map.ofEntries(
      Map.entry("nip.io", "wildcard DNS that maps a name to any IP address"),
      Map.entry("sslip.io", "wildcard DNS that maps a name to any IP address"),
      Map.entry("xip.io", "wildcard DNS that maps a name to any IP address"),
      Map.entry("traefik.me", "wildcard DNS that maps a name to any IP address"),
      Map.entry("loca.lt", "localtunnel, a tunnel service"),
      Map.entry("serveo.net", "Serveo, a tunnel service"),
      Map.entry("lhr.life", "localhost.run, a tunnel service"),
      Map.entry("localhost.run", "localhost.run, a tunnel service"),
      Map.entry("app.github.dev", "GitHub Codespaces' forwarded ports"),
      Map.entry("gitpod.io", "Gitpod's workspaces"),
      Map.entry("codesandbox.io", "CodeSandbox's previews"),
      Map.entry("stackblitz.io", "StackBlitz's previews"),
      Map.entry("webcontainer.io", "StackBlitz's WebContainer previews"),
      Map.entry("webcontainer-api.io", "StackBlitz's WebContainer previews"),
      Map.entry("googleusercontent.com", "Google's hosting of users' content"));

  private SharedHosts() {}

  /**
   * What hands out names under {@code parent}, the host a subdomain pattern covers the
   * subdomains of, or above or below it: what it is, preceded by {@code "under <domain>: "} where
   * that is another name than {@code parent}; empty when nothing known does.
   */
  static Optional<String> under(String parent) {
    String own = DOMAINS.get(parent);
    if (own != null) {
      return Optional.of(own);
    }
    return DOMAINS.entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("." + parent)
            || parent.endsWith("." + entry.getKey()))
        .map(entry -> "under " + entry.getKey() + ": " + entry.getValue())
        .sorted()
        .findFirst();
  }
}
