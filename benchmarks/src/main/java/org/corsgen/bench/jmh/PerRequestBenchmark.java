package org.corsgen.bench.jmh;

import static org.corsgen.bench.app.BenchPolicy.APP;
import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_HEADERS;
import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_METHOD;
import static org.corsgen.bench.app.BenchPolicy.REFUSED;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.corsgen.bench.app.ApiResource;
import org.corsgen.bench.app.ReflectiveApiResource;
import org.corsgen.bench.reflective.ReflectiveCorsFilter;
import org.corsgen.bench.stub.StubRequest;
import org.corsgen.bench.stub.StubResourceInfo;
import org.corsgen.bench.stub.StubResponse;
import org.corsgen.runtime.internal.PreflightAnswer;
import org.corsgen.runtime.internal.PreflightEndpoint;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.message.internal.OutboundJaxrsResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * The CORS work of one request, per contender, on the same policy
 * ({@link org.corsgen.bench.app.BenchPolicy}) and the same four inputs.
 *
 * <p>Each invocation first resets the reused request and response (the JAX-RS stubs without
 * allocating); {@link #floor} does only that, so it is the harness cost every JAX-RS contender
 * includes. Preflights answer with a {@code Response}, which the benchmark hands to
 * {@link #asJersey}, as Jersey does with every {@code Response} a resource method returns or a
 * request filter aborts with; actual requests decorate the reused response.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class PerRequestBenchmark {

  /** The four requests every contender sees. */
  public enum Input {
    /** OPTIONS from an exact allowed origin, asking for PUT and two allowed headers. */
    PREFLIGHT_ALLOWED,
    /** The same preflight from an origin that is not allowed. */
    PREFLIGHT_REFUSED,
    /** GET from an exact allowed origin. */
    ACTUAL_ALLOWED,
    /** GET without {@code Origin}: a same-origin or non-browser request. */
    NO_ORIGIN
  }

  @Param
  public Input input;

  private boolean preflight;

  private StubRequest request;
  private StubResponse response;

  private CorsPolicy corsgenPolicy;
  private PreflightEndpoint corsgenEndpoint;

  private ReflectiveCorsFilter reflective;

  private CorsConfiguration springConfig;
  private DefaultCorsProcessor springProcessor;
  private MockHttpServletRequest springRequest;
  private MockHttpServletResponse springResponse;

  @Setup(Level.Trial)
  public void setUp() throws NoSuchMethodException, IOException {
    preflight = input == Input.PREFLIGHT_ALLOWED || input == Input.PREFLIGHT_REFUSED;
    String[] headers = switch (input) {
      case PREFLIGHT_ALLOWED -> new String[] {"Origin", APP,
          "Access-Control-Request-Method", PREFLIGHT_METHOD,
          "Access-Control-Request-Headers", PREFLIGHT_HEADERS};
      case PREFLIGHT_REFUSED -> new String[] {"Origin", REFUSED,
          "Access-Control-Request-Method", PREFLIGHT_METHOD,
          "Access-Control-Request-Headers", PREFLIGHT_HEADERS};
      case ACTUAL_ALLOWED -> new String[] {"Origin", APP};
      case NO_ORIGIN -> new String[0];
    };
    String method = preflight ? "OPTIONS" : "GET";
    request = new StubRequest(method, headers);
    response = new StubResponse();

    corsgenPolicy = Contenders.policy(ApiResource.class, "get()");
    corsgenEndpoint = Contenders.preflightEndpoint(ApiResource.class, "/api",
        "get()", "post(java.lang.String)", "put(java.lang.String)");

    // Jersey's ResourceInfo names the matched method: the explicit @OPTIONS on preflights.
    reflective = new ReflectiveCorsFilter(new StubResourceInfo(ReflectiveApiResource.class,
        preflight
            ? ReflectiveApiResource.class.getMethod("options")
            : ReflectiveApiResource.class.getMethod("get")));

    springConfig = Contenders.springConfiguration();
    springProcessor = new DefaultCorsProcessor();
    springRequest = new MockHttpServletRequest(method, "/api");
    for (int i = 0; i < headers.length; i += 2) {
      springRequest.addHeader(headers[i], headers[i + 1]);
    }
    springResponse = new MockHttpServletResponse();
    verify();
  }

  /** Every contender must give the answer the input calls for, or the comparison means nothing. */
  private void verify() throws IOException {
    boolean allowed = input == Input.PREFLIGHT_ALLOWED || input == Input.ACTUAL_ALLOWED;
    String corsgenOrigin;
    String reflectiveOrigin;
    if (preflight) {
      Response corsgenAnswer = (Response) corsgen();
      Response reflectiveAnswer = (Response) reflective();
      expect(corsgenAnswer.getStatus() == (allowed ? 204 : 403), "corsgen status");
      expect(reflectiveAnswer.getStatus() == (allowed ? 204 : 403), "reflective status");
      corsgenOrigin = corsgenAnswer.getHeaderString("Access-Control-Allow-Origin");
      reflectiveOrigin = reflectiveAnswer.getHeaderString("Access-Control-Allow-Origin");
    } else {
      corsgen();
      corsgenOrigin = (String) response.getHeaders().getFirst("Access-Control-Allow-Origin");
      reflective();
      reflectiveOrigin = (String) response.getHeaders().getFirst("Access-Control-Allow-Origin");
    }
    spring();
    String springOrigin = springResponse.getHeader("Access-Control-Allow-Origin");
    expect(springResponse.getStatus() == (allowed || !preflight ? 200 : 403), "Spring status");
    String expected = allowed ? APP : null;
    expect(java.util.Objects.equals(corsgenOrigin, expected), "corsgen allow-origin");
    expect(java.util.Objects.equals(reflectiveOrigin, expected), "reflective allow-origin");
    expect(java.util.Objects.equals(springOrigin, expected), "Spring allow-origin");
  }

  private void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException(what + " is wrong for " + input);
    }
  }

  /** The harness alone: resetting the reused JAX-RS request and response. */
  @Benchmark
  public Object floor() {
    request.reset();
    response.reset();
    return response;
  }

  /**
   * The least any JAX-RS implementation must do: the answer's headers, written from constants
   * without looking at the request (the preflight's {@code Response} built the way corsgen builds
   * it, the cheapest way known).
   */
  @Benchmark
  public Object headersOnly() {
    request.reset();
    response.reset();
    return switch (input) {
      case PREFLIGHT_ALLOWED -> asJersey(new PreflightAnswer(Response.Status.NO_CONTENT)
          .header("Access-Control-Allow-Origin", APP)
          .header("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT")
          .header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
          .header("Access-Control-Allow-Headers",
              "Content-Type, X-Request-Id, X-Token, Authorization")
          .header("Access-Control-Allow-Credentials", "true")
          .header("Access-Control-Max-Age", "600"));
      case PREFLIGHT_REFUSED -> asJersey(new PreflightAnswer(Response.Status.FORBIDDEN)
          .header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
      case ACTUAL_ALLOWED -> {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Vary", "Origin");
        headers.putSingle("Access-Control-Allow-Origin", APP);
        headers.putSingle("Access-Control-Allow-Credentials", "true");
        headers.putSingle("Access-Control-Expose-Headers", "X-Total-Count, X-Trace-Id");
        yield response;
      }
      case NO_ORIGIN -> {
        response.getHeaders().putSingle("Vary", "Origin");
        yield response;
      }
    };
  }

  /** corsgen: the generated policy's filter, or the preflight endpoint. */
  @Benchmark
  public Object corsgen() {
    request.reset();
    response.reset();
    if (preflight) {
      return asJersey(corsgenEndpoint.preflight(request));
    }
    corsgenPolicy.filter(request, response);
    return response;
  }

  /**
   * The reflective filter, as Jersey runs it: the request filter on every request, and the
   * response filter on every response, aborted preflights included.
   */
  @Benchmark
  public Object reflective() {
    request.reset();
    response.reset();
    reflective.filter(request);
    reflective.filter(request, response);
    return preflight ? asJersey(request.aborted()) : response;
  }

  /**
   * What Jersey does first with a resource method's or an aborting filter's {@code Response}
   * ({@code ContainerResponse}'s constructor): nothing for one its own builder made, one copy of
   * the headers into its own map for any other.
   */
  private static Response asJersey(Response answer) {
    return OutboundJaxrsResponse.from(answer, null);
  }

  /** Spring: {@code DefaultCorsProcessor} with a {@code CorsConfiguration}, on servlet mocks. */
  @Benchmark
  public Object spring() throws IOException {
    springResponse.setCommitted(false);
    springResponse.reset();
    springProcessor.processRequest(springConfig, springRequest, springResponse);
    return springResponse;
  }

  /** Spring's harness alone: resetting the mock response. */
  @Benchmark
  public Object springFloor() {
    springResponse.setCommitted(false);
    springResponse.reset();
    return springResponse;
  }
}
