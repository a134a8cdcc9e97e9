package org.corsgen.bench.jmh;

import static org.corsgen.bench.app.BenchPolicy.APP;
import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_HEADERS;
import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_METHOD;
import static org.corsgen.bench.app.BenchPolicy.REFUSED;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.corsgen.bench.app.ApiResource;
import org.corsgen.bench.app.ReflectiveApiResource;
import org.corsgen.bench.reflective.ReflectiveCorsFilter;
import org.corsgen.bench.stub.StubRequest;
import org.corsgen.bench.stub.StubResourceInfo;
import org.corsgen.bench.stub.StubResponse;
import org.corsgen.bench.stub.StubUriInfo;
import org.corsgen.runtime.internal.NoMethodChosenFilter;
import org.corsgen.runtime.internal.PreflightAnswerGuard;
import org.corsgen.runtime.internal.PreflightAnswer;
import org.corsgen.runtime.internal.PreflightEndpoint;
import org.corsgen.runtime.internal.PreflightFilter;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.message.internal.OutboundJaxrsResponse;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
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
@Warmup(iterations = 3, time = 1)
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
  private final PreflightFilter corsgenPreflightFilter = new PreflightFilter();
  private final PreflightAnswerGuard corsgenAnswerGuard = new PreflightAnswerGuard();
  private final NoMethodChosenFilter corsgenNoMethodChosen = new NoMethodChosenFilter();

  private ReflectiveCorsFilter reflective;

  private CorsConfiguration springConfig;
  private DefaultCorsProcessor springProcessor;
  private String[] springHeaders;
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
    springHeaders = headers;
    corsgenPolicy = Contenders.policy(ApiResource.class, "get()");
    corsgenEndpoint = Contenders.preflightEndpoint(ApiResource.class, "/api",
        "get()", "post(java.lang.String)", "put(java.lang.String)");

    // Routing as Jersey leaves it for corsgen's filters: a preflight matched to the endpoint's
    // OPTIONS method, which CorsModelProcessor adds handled by the endpoint itself.
    Resource.Builder api = Resource.builder("/api");
    api.addMethod(HttpMethod.OPTIONS).handledBy(corsgenEndpoint);
    ResourceMethod options = api.build().getResourceMethods().get(0);
    request = new StubRequest(method, headers).matched(new StubUriInfo(options));
    response = new StubResponse();

    // Jersey's ResourceInfo names the matched method: the explicit @OPTIONS on preflights.
    reflective = new ReflectiveCorsFilter(new StubResourceInfo(ReflectiveApiResource.class,
        preflight
            ? ReflectiveApiResource.class.getMethod("options")
            : ReflectiveApiResource.class.getMethod("get")));

    springConfig = Contenders.springConfiguration();
    springProcessor = new DefaultCorsProcessor();
    springRequest = new MockHttpServletRequest(method, "/api");
    springResponse = new MockHttpServletResponse();
    verify();
  }

  /** The request's headers, decoded anew for each invocation as for the JAX-RS contenders. */
  private void resetSpringRequest() {
    for (int i = 0; i < springHeaders.length; i += 2) {
      springRequest.removeHeader(springHeaders[i]);
      springRequest.addHeader(springHeaders[i],
          new String(springHeaders[i + 1].getBytes(StandardCharsets.ISO_8859_1),
              StandardCharsets.ISO_8859_1));
    }
  }

  /** Every contender must give the answer the input calls for, or the comparison means nothing. */
  private void verify() throws IOException {
    boolean allowed = input == Input.PREFLIGHT_ALLOWED || input == Input.ACTUAL_ALLOWED;
    Map<String, String> corsgen;
    Map<String, String> reflective;
    Map<String, String> least;
    if (preflight) {
      Response corsgenAnswer = (Response) corsgen();
      expect(corsgenAnswer.getStatus() == (allowed ? 204 : 403), "corsgen status");
      corsgen = fields(corsgenAnswer.getStringHeaders());
      Response reflectiveAnswer = (Response) reflective();
      expect(reflectiveAnswer.getStatus() == (allowed ? 204 : 403), "reflective status");
      reflective = fields(reflectiveAnswer.getStringHeaders());
      least = fields(((Response) headersOnly()).getStringHeaders());
    } else {
      corsgen();
      corsgen = fields(response.getHeaders());
      reflective();
      reflective = fields(response.getHeaders());
      headersOnly();
      least = fields(response.getHeaders());
    }
    spring();
    expect(springResponse.getStatus() == (allowed || !preflight ? 200 : 403), "Spring status");
    Map<String, String> spring = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : springResponse.getHeaderNames()) {
      spring.put(name, String.join(", ", springResponse.getHeaders(name)));
    }
    // Every contender sends the same fields, and headersOnly exactly corsgen's answer. Values
    // may be spelled otherwise: the reflective filter and Spring leave HEAD out of the methods,
    // and Spring names only the requested headers and adds Vary to answers without Origin.
    expect(corsgen.equals(least), "headersOnly's answer (" + least + " against " + corsgen + ")");
    expect(corsgen.keySet().equals(reflective.keySet()),
        "the reflective filter's fields (" + reflective.keySet() + ")");
    Set<String> springFields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    springFields.addAll(spring.keySet());
    expect(springFields.containsAll(corsgen.keySet()),
        "Spring's fields (" + spring.keySet() + " against " + corsgen.keySet() + ")");
    String expected = allowed ? APP : null;
    expect(java.util.Objects.equals(corsgen.get("Access-Control-Allow-Origin"), expected),
        "corsgen allow-origin");
    expect(java.util.Objects.equals(reflective.get("Access-Control-Allow-Origin"), expected),
        "reflective allow-origin");
    expect(java.util.Objects.equals(spring.get("Access-Control-Allow-Origin"), expected),
        "Spring allow-origin");
  }

  /** A response's header fields, each with its values joined as they go on the wire. */
  private static Map<String, String> fields(Map<String, ? extends List<?>> headers) {
    Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      if (values != null && !values.isEmpty()) {
        fields.put(name, values.stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(", ")));
      }
    });
    return fields;
  }

  private void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException(what + " is wrong for " + input);
    }
  }

  /**
   * The harness alone: resetting the reused JAX-RS request (its header values decoded anew) and
   * response.
   */
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

  /**
   * corsgen, as Jersey runs it: on a preflight, {@code PreflightFilter} answering for the
   * endpoint it was matched to, then the response filters on that answer
   * ({@code PreflightAnswerGuard}, and {@code NoMethodChosenFilter}, which sees every response);
   * on an actual request the generated policy's response filter, then
   * {@code NoMethodChosenFilter}.
   */
  @Benchmark
  public Object corsgen() {
    request.reset();
    response.reset();
    if (preflight) {
      corsgenPreflightFilter.filter(request);
      Response answer = asJersey(request.aborted());
      response.answer(answer);
      corsgenAnswerGuard.filter(request, response);
      corsgenNoMethodChosen.filter(request, response);
      return answer;
    }
    corsgenPolicy.filter(request, response);
    corsgenNoMethodChosen.filter(request, response);
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
    resetSpringRequest();
    springResponse.setCommitted(false);
    springResponse.reset();
    springProcessor.processRequest(springConfig, springRequest, springResponse);
    return springResponse;
  }

  /** Spring's harness alone: the request's headers decoded anew, the mock response reset. */
  @Benchmark
  public Object springFloor() {
    resetSpringRequest();
    springResponse.setCommitted(false);
    springResponse.reset();
    return springResponse;
  }
}
