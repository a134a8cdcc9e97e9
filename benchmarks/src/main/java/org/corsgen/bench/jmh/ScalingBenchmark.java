package org.corsgen.bench.jmh;

import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_HEADERS;
import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_METHOD;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.corsgen.bench.scaling.ScalingPolicies;
import org.corsgen.bench.stub.StubRequest;
import org.corsgen.runtime.internal.PreflightEndpoint;
import org.corsgen.runtime.spi.CorsPolicy;
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

/**
 * How corsgen's cost grows with the policy: the allowed-origin preflight, and the policy's origin
 * matcher alone, on the generated resources of {@link ScalingPolicies} (1 to 1,000 exact origins,
 * 1 to 50 subdomain patterns, 1 and 10 of them on any port, and origins decided at each request
 * by a {@code Predicate} over {@value Contenders#TENANT_COUNT} origins), each asked with the
 * origin its matcher reaches last.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScalingBenchmark {

  @Param({"exact-1", "exact-10", "exact-100", "exact-1000", "patterns-1", "patterns-10",
      "patterns-50", "ports-1", "ports-10", "request-time"})
  public String policy;

  private String origin;
  private byte[] originBytes;
  private StubRequest request;
  private CorsPolicy corsPolicy;
  private PreflightEndpoint endpoint;

  @Setup(Level.Trial)
  public void setUp() {
    ScalingPolicies.Shape shape = ScalingPolicies.get(policy);
    origin = shape.probeOrigin();
    originBytes = origin.getBytes(StandardCharsets.ISO_8859_1);
    corsPolicy = Contenders.policy(shape.resource(), "get()");
    endpoint = Contenders.preflightEndpoint(shape.resource(), "/scaling",
        "get()", "post(java.lang.String)", "put(java.lang.String)");
    request = new StubRequest("OPTIONS", "Origin", origin,
        "Access-Control-Request-Method", PREFLIGHT_METHOD,
        "Access-Control-Request-Headers", PREFLIGHT_HEADERS);
    if (!corsPolicy.allowsOrigin(origin)) {
      throw new IllegalStateException(policy + " does not allow " + origin);
    }
  }

  /**
   * The allowed preflight as corsgen answers it, before the Jersey conversion that
   * {@link PerRequestBenchmark} adds.
   */
  @Benchmark
  public Object preflight() {
    request.reset();
    return endpoint.preflight(request);
  }

  /**
   * The policy's origin matcher alone (its OriginSet, built from the generated lists), with the
   * origin decoded anew as a server does for each request: the policy's own string, or one whose
   * hash is cached, would be compared faster than any request's.
   */
  @Benchmark
  public boolean matchOrigin() {
    return corsPolicy.allowsOrigin(new String(originBytes, StandardCharsets.ISO_8859_1));
  }
}
