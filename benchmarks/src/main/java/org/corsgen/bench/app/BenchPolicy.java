package org.corsgen.bench.app;

/**
 * The one CORS policy every contender is configured with, and the requests they are measured on.
 * The annotations of {@link ApiResource} and {@link ReflectiveApiResource} and the Spring
 * configuration are all built from these constants.
 */
public final class BenchPolicy {

  public static final String APP = "https://app.example.com";
  public static final String ADMIN = "https://admin.example.com";
  public static final String SUBDOMAINS = "https://*.example.org";

  public static final String GET = "GET";
  public static final String POST = "POST";
  public static final String PUT = "PUT";

  public static final String CONTENT_TYPE = "Content-Type";
  public static final String REQUEST_ID = "X-Request-Id";
  public static final String TOKEN = "X-Token";
  public static final String AUTHORIZATION = "Authorization";

  public static final String TOTAL_COUNT = "X-Total-Count";
  public static final String TRACE_ID = "X-Trace-Id";

  public static final int MAX_AGE = 600;

  /** An origin no contender allows. */
  public static final String REFUSED = "https://evil.example.net";
  /** What the measured preflights ask for. */
  public static final String PREFLIGHT_METHOD = PUT;
  public static final String PREFLIGHT_HEADERS = "content-type,x-request-id";

  private BenchPolicy() {}
}
