package org.corsgen.bench.e2e;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.corsgen.bench.app.ApiResource;
import org.corsgen.bench.app.ReflectiveApiResource;
import org.corsgen.bench.reflective.ReflectiveCorsFilter;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * One build of the measured application on Grizzly at 127.0.0.1, on a free port it prints as
 * {@code READY <port>}; it stops when its standard input closes.
 *
 * <pre>java -cp ... org.corsgen.bench.e2e.BenchServer none|corsgen|reflective</pre>
 *
 * <p>It also serves the {@link DiagnosticBuild}s, by their ids.
 */
public final class BenchServer {

  /** The measured builds of the same application. */
  public enum Build {
    /** {@link ApiResource} without any CORS. */
    NONE,
    /** {@link ApiResource} with the code corsgen generated, wired by {@link CorsFeature}. */
    CORSGEN,
    /** {@link ReflectiveApiResource} with {@link ReflectiveCorsFilter}. */
    REFLECTIVE,
    /**
     * {@link ApiResource} with a filter that puts the four headers corsgen answers an allowed
     * {@code GET} with, as constants, without reading the request: what sending those headers
     * costs whoever decides them (like {@code headersOnly} in the JMH part).
     */
    HEADERSONLY;

    public String id() {
      return name().toLowerCase();
    }
  }

  private BenchServer() {}

  static ResourceConfig application(Build build) {
    return common(switch (build) {
      case NONE -> new ResourceConfig(ApiResource.class);
      case CORSGEN -> new ResourceConfig(ApiResource.class).register(CorsFeature.class);
      case REFLECTIVE -> new ResourceConfig(ReflectiveApiResource.class)
          .register(ReflectiveCorsFilter.class);
      case HEADERSONLY -> new ResourceConfig(ApiResource.class)
          .register(DiagnosticBuild.StaticHeadersFilter.class);
    });
  }

  static ResourceConfig application(String id) {
    for (Build build : Build.values()) {
      if (build.id().equals(id)) {
        return application(build);
      }
    }
    return common(DiagnosticBuild.valueOf(id.toUpperCase()).application());
  }

  /** Identical for every build: nothing joins by auto-discovery (corsgen would), no WADL. */
  private static ResourceConfig common(ResourceConfig config) {
    return config
        .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  public static void main(String[] args) throws Exception {
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:0/"), application(args[0]), false);
    server.start();
    int port = server.getListeners().iterator().next().getPort();
    System.out.println("READY " + port);
    System.out.flush();
    CountDownLatch stdinClosed = new CountDownLatch(1);
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // Only the end of the stream matters.
        }
      } catch (java.io.IOException e) {
        // Treated as closed.
      }
      stdinClosed.countDown();
    }, "stdin-watcher");
    watcher.setDaemon(true);
    watcher.start();
    stdinClosed.await();
    server.shutdownNow();
  }
}
