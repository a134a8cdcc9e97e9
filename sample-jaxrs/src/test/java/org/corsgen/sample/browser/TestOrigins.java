package org.corsgen.sample.browser;

/**
 * The origins of the conformance suite. The policies name them, ports included, at compile time,
 * so the suite needs its fixed ports, {@value #API_PORT} and {@value #PAGE_PORT}, to be free (port
 * wildcards aside, which one test serves on a free port). Chromium resolves
 * every host to loopback ({@code --host-resolver-rules}), so any host name serves as an origin.
 */
final class TestOrigins {

  static final int API_PORT = 18080;
  static final int PAGE_PORT = 18081;

  /** Where the API is: a different host from {@link #PAGE}, hence a different origin and site. */
  static final String API = "http://localhost:18080";

  /** The page most scenarios run in. */
  static final String PAGE = "http://127.0.0.1:18081";

  /** A second page origin, refused by most policies and the only one some methods allow. */
  static final String OTHER = "http://other.test:18081";

  /** Every subdomain of app.test on the page port. */
  static final String APP_SUBDOMAINS = "http://*.app.test:18081";

  static final String APP_SUBDOMAIN = "http://sub.app.test:18081";

  /** Not a subdomain: the bare host that the pattern's subdomains hang from. */
  static final String APP_ITSELF = "http://app.test:18081";

  /** A host that merely ends with the same letters as the pattern's. */
  static final String APP_LOOKALIKE = "http://evilapp.test:18081";

  /** A loopback host on any port, as a development server's page is served. */
  static final String DEV_HOST_ANY_PORT = "http://localhost:*";

  /** The subdomains of a loopback name, on any port. */
  static final String DEV_SUBDOMAINS_ANY_PORT = "http://*.dev.localhost:*";

  private TestOrigins() {}
}
