package org.corsgen.bench.e2e;

import static org.corsgen.bench.app.BenchPolicy.APP;
import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_HEADERS;
import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_METHOD;

import jakarta.ws.rs.core.SecurityContext;
import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/**
 * Jersey's whole request pipeline for the builds of {@link BenchServer}, without Grizzly or the
 * network: each request is handed to {@link ApplicationHandler#handle} on the calling thread and
 * its headers are read back as a container would write them. Alternating short slices, like
 * {@link EndToEndPart}, and the median of within-round ratios against the first build.
 *
 * <pre>java -cp ... org.corsgen.bench.e2e.InProcessPipeline rounds get:none get:corsgen preflight:corsgen ...</pre>
 *
 * <p>Each contender is a request kind ({@code get} with an allowed {@code Origin}, or the
 * {@code preflight} {@link EndToEndPart} sends), a build id of {@link BenchServer} and, after a
 * second colon, the path to send it to ({@code /api} when left out):
 * {@code preflight:corsgen_overlapping:/overlapping/5}.
 */
public final class InProcessPipeline {

  private static final URI BASE = URI.create("http://127.0.0.1:8080/");
  private static final URI API = URI.create("http://127.0.0.1:8080/api");
  private static final int SLICE = 20_000;

  private static long sink;
  private static int lastStatus;

  private InProcessPipeline() {}

  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    List<String> builds = Arrays.asList(args).subList(1, args.length);
    List<ApplicationHandler> handlers = new ArrayList<>();
    boolean[] preflight = new boolean[builds.size()];
    URI[] uris = new URI[builds.size()];
    for (int b = 0; b < builds.size(); b++) {
      String[] kindBuildPath = builds.get(b).split(":", 3);
      preflight[b] = kindBuildPath[0].equals("preflight");
      handlers.add(new ApplicationHandler(BenchServer.application(kindBuildPath[1])));
      uris[b] = kindBuildPath.length < 3 ? API : BASE.resolve(kindBuildPath[2]);
    }
    for (int warm = 0; warm < 30; warm++) {
      for (int b = 0; b < builds.size(); b++) {
        slice(handlers.get(b), preflight[b], uris[b]);
        if (lastStatus >= 300) {
          // A refused preflight or a 404 would measure the wrong path.
          throw new IllegalStateException(builds.get(b) + " answered " + lastStatus);
        }
      }
    }
    double[][] nanos = new double[builds.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < builds.size(); i++) {
        int b = (i + round) % builds.size();
        nanos[b][round] = slice(handlers.get(b), preflight[b], uris[b]);
      }
    }
    for (int b = 0; b < builds.size(); b++) {
      double[] ratio = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        ratio[round] = nanos[b][round] / nanos[0][round];
      }
      System.out.printf(Locale.ROOT, "%-22s %8.0f ns/req  x%.3f (%.3f-%.3f) of %s%n",
          builds.get(b), median(nanos[b]), median(ratio), min(ratio), max(ratio), builds.get(0));
    }
    System.out.println(sink == 42 ? "" : "done");
  }

  private static double slice(ApplicationHandler handler, boolean preflight, URI uri) {
    long start = System.nanoTime();
    for (int i = 0; i < SLICE; i++) {
      ContainerRequest request = new ContainerRequest(BASE, uri,
          preflight ? "OPTIONS" : "GET", ANONYMOUS, new MapPropertiesDelegate(),
          handler.getConfiguration());
      request.header("Host", "127.0.0.1:8080");
      request.header("Origin", APP);
      if (preflight) {
        request.header("Access-Control-Request-Method", PREFLIGHT_METHOD);
        request.header("Access-Control-Request-Headers", PREFLIGHT_HEADERS);
      }
      request.setWriter(WRITER);
      handler.handle(request);
    }
    return (double) (System.nanoTime() - start) / SLICE;
  }

  /** Reads every header as Grizzly's container does, and discards the entity. */
  private static final ContainerResponseWriter WRITER = new ContainerResponseWriter() {
    @Override
    public OutputStream writeResponseStatusAndHeaders(long contentLength,
        ContainerResponse response) {
      for (Map.Entry<String, List<String>> header : response.getStringHeaders().entrySet()) {
        for (String value : header.getValue()) {
          sink += header.getKey().length() + value.length();
        }
      }
      sink += response.getStatus();
      lastStatus = response.getStatus();
      return OutputStream.nullOutputStream();
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
      return false;
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {}

    @Override
    public void commit() {}

    @Override
    public void failure(Throwable error) {
      throw new IllegalStateException(error);
    }

    @Override
    public boolean enableResponseBuffering() {
      return true;
    }
  };

  private static final SecurityContext ANONYMOUS = new SecurityContext() {
    @Override
    public Principal getUserPrincipal() {
      return null;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public String getAuthenticationScheme() {
      return null;
    }
  };

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
