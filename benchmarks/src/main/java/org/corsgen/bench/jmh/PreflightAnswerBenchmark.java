package org.corsgen.bench.jmh;

import static org.corsgen.bench.app.BenchPolicy.APP;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.corsgen.runtime.internal.PreflightAnswer;
import org.glassfish.jersey.message.internal.OutboundJaxrsResponse;
import org.glassfish.jersey.message.internal.OutboundMessageContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The answer to an allowed preflight alone, the six header fields of {@code PerRequestBenchmark}'s
 * policy, made three ways and each taken by Jersey as {@code ContainerResponse} takes it: with
 * Jersey's {@code ResponseBuilder}, which fills a header map and copies it into a second on
 * {@code build()}; as a {@code Response} of another kind, whose fields Jersey copies into a map of
 * its own (measured as that copy alone, of ready-made fields: the least such an answer costs, and
 * about what corsgen's answer cost while it was one); and as a {@link PreflightAnswer}, Jersey's
 * own kind of response, its fields written into the map Jersey sends (what corsgen does now).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PreflightAnswerBenchmark {

  private static final String METHODS = "GET, HEAD, POST, PUT";
  private static final String VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
  private static final String HEADERS = "Content-Type, X-Request-Id, X-Token, Authorization";

  /** The fields ready-made, for the conversion alone; never changed, so shared safely. */
  private final MultivaluedMap<String, Object> ready = new MultivaluedHashMap<>();

  public PreflightAnswerBenchmark() {
    ready.add("Access-Control-Allow-Origin", APP);
    ready.add("Access-Control-Allow-Methods", METHODS);
    ready.add("Vary", VARY);
    ready.add("Access-Control-Allow-Headers", HEADERS);
    ready.add("Access-Control-Allow-Credentials", "true");
    ready.add("Access-Control-Max-Age", "600");
  }

  @Benchmark
  public Object builder() {
    return OutboundJaxrsResponse.from(Response.noContent()
        .header("Access-Control-Allow-Origin", APP)
        .header("Access-Control-Allow-Methods", METHODS)
        .header("Vary", VARY)
        .header("Access-Control-Allow-Headers", HEADERS)
        .header("Access-Control-Allow-Credentials", "true")
        .header("Access-Control-Max-Age", "600")
        .build(), null);
  }

  @Benchmark
  public Object preflightAnswer() {
    return OutboundJaxrsResponse.from(new PreflightAnswer(Response.Status.NO_CONTENT)
        .header("Access-Control-Allow-Origin", APP)
        .header("Access-Control-Allow-Methods", METHODS)
        .header("Vary", VARY)
        .header("Access-Control-Allow-Headers", HEADERS)
        .header("Access-Control-Allow-Credentials", "true")
        .header("Access-Control-Max-Age", "600"), null);
  }

  @Benchmark
  public Object jerseyConversion() {
    OutboundMessageContext context = new OutboundMessageContext((Configuration) null);
    context.getHeaders().putAll(ready);
    return context;
  }
}
