package org.corsgen.security;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx as a shared caching reverse proxy in front of one application on loopback, run
 * from a generated configuration in a temporary directory and stopped by {@link #close()}.
 *
 * <p>nginx refuses to cache OPTIONS ({@code proxy_cache_methods} takes only GET, HEAD and POST),
 * while some shared caches (CDNs) do cache preflights. To put preflights through a real cache as
 * well, two tiers run in one nginx: the front, which clients call, forwards every request as
 * {@code GET} and names the real method in {@code X-Corsgen-Method}; the caching tier keys on
 * that method and the URI, restores the method towards the application, honours the
 * application's {@code Vary} as nginx does (one cached variant per set of values of the
 * headers it names), and reports {@code X-Cache-Status}. Everything else about caching is forced
 * on: {@code Cache-Control}, {@code Expires} and {@code Set-Cookie} are ignored, and 200, 204
 * and 403 answers are kept for ten minutes.
 */
final class Nginx implements AutoCloseable {

  /** The Debian package that provides the binary. */
  static final String PACKAGE = "nginx";

  private final Path directory;
  private final Process process;
  private final int port;

  private Nginx(Path binary, int upstreamPort) throws IOException, InterruptedException {
    directory = Files.createTempDirectory("corsgen-nginx");
    port = freePort();
    int cachePort = freePort();
    Path config = directory.resolve("nginx.conf");
    Files.writeString(config, config(upstreamPort, cachePort), StandardCharsets.UTF_8);
    process = new ProcessBuilder(binary.toString(), "-p", directory.toString(),
        "-c", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("stdout.log").toFile())
        .start();
    awaitListening();
  }

  /** Whether nginx is installed here. */
  static boolean installed() {
    return find().isPresent();
  }

  /**
   * Skips the calling test when nginx is missing, with a message naming the package; on CI
   * ({@code CI=true}) fails it instead, since CI must run every test.
   */
  static void assumeInstalled() {
    if (!installed()) {
      String message = "nginx not found: install Debian's '" + PACKAGE + "' package (apt-get"
          + " install " + PACKAGE + ") to run the shared-cache tests";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }

  /** Starts nginx in front of {@code 127.0.0.1:upstreamPort}; it must be {@link #installed()}. */
  static Nginx inFrontOf(int upstreamPort) throws IOException, InterruptedException {
    return new Nginx(find().orElseThrow(), upstreamPort);
  }

  private static Optional<Path> find() {
    Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "nginx"));
    return Stream.concat(Stream.of(Path.of("/usr/sbin/nginx")), onPath)
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The port clients call. */
  int port() {
    return port;
  }

  private String config(int upstreamPort, int cachePort) {
    String dir = directory.toString();
    // As root, nginx's workers would switch to "nobody", who cannot write to this directory.
    String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
    return user + """
        daemon off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 256; }
        http {
          access_log off;
          client_body_temp_path %1$s/client_body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          proxy_cache_path %1$s/cache levels=1 keys_zone=corsgen:1m max_size=16m inactive=10m;

          server {
            listen 127.0.0.1:%2$d;
            location / {
              proxy_pass http://127.0.0.1:%3$d;
              proxy_method GET;
              proxy_set_header X-Corsgen-Method $request_method;
            }
          }

          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://127.0.0.1:%4$d;
              proxy_method $http_x_corsgen_method;
              proxy_cache corsgen;
              proxy_cache_key "$http_x_corsgen_method $request_uri";
              proxy_cache_valid 200 204 403 10m;
              proxy_ignore_headers Cache-Control Expires Set-Cookie X-Accel-Expires;
              add_header X-Cache-Status $upstream_cache_status always;
            }
          }
        }
        """.formatted(dir, port, cachePort, upstreamPort);
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("nginx exited with " + process.exitValue() + ": " + logs());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IOException("nginx did not listen on " + port + " within 15 s: " + logs());
  }

  private String logs() throws IOException {
    StringBuilder logs = new StringBuilder();
    for (String name : List.of("stdout.log", "error.log")) {
      Path file = directory.resolve(name);
      if (Files.exists(file)) {
        logs.append(name).append(": ").append(Files.readString(file)).append('\n');
      }
    }
    return logs.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops nginx (SIGTERM: fast shutdown of master and workers) and removes its directory. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
