package org.corsgen.sample;

/**
 * The origins the sample's policies name. {@code @Cors} is read by the compiler, so its origins
 * are compile-time constants. They name port {@value #PAGE_PORT} on purpose: a port is part of an
 * origin, and the page moved to another is refused ({@code "http://127.0.0.1:*"} would allow it
 * on any port).
 */
final class SampleOrigins {

  /** The port every origin below names; {@link SampleApp} serves the demo page there. */
  static final int PAGE_PORT = 8081;

  /** The demo page as {@link SampleApp} prints it: not the API's host, so another origin. */
  static final String PAGE = "http://127.0.0.1:8081";

  /** The same page opened by name: a distinct origin, which has to be listed on its own. */
  static final String PAGE_BY_NAME = "http://localhost:8081";

  /**
   * Every subdomain of localhost on the page's port. Browsers resolve {@code *.localhost} to the
   * loopback address, so {@code http://app.localhost:8081} reaches the same page server.
   */
  static final String ANY_LOCALHOST_SUBDOMAIN = "http://*.localhost:8081";

  /** An admin console that the demo page is not: only it may delete notes. */
  static final String ADMIN = "http://admin.localhost:8081";

  private SampleOrigins() {}
}
