package org.corsgen.security;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 *
 * <p>The caching tier listens on a Unix socket in the temporary directory, not on a second free
 * port: two free ports picked one after the other can be the same port, and then the front
 * proxies to itself and answers every request with 502. The front's port is picked free and
 * may still be taken before nginx binds it, so start-up retries with another port, and it ends
 * only once a request through the front has reached this nginx's caching tier.
 */
final class Nginx implements AutoCloseable {

  /** The Debian package that provides the binary. */
  static final String PACKAGE = "nginx";

  /** How many free ports start-up tries before it gives up. */
  private static final int ATTEMPTS = 3;

  /** The path the caching tier answers itself, to show that start-up reached it. */
  private static final String READY_PATH = "/corsgen-nginx-ready";

  private static final String READY_HEADER = "X-Corsgen-Nginx";

  /** The longest path a Unix socket may have, in bytes, without its terminating zero. */
  private static final int MAX_SOCKET_PATH = 107;

  private final Path directory;
  private Process process;
  private int port;

  /** Where start-up gets the front's port: a free one, or in tests one that is taken. */
  @FunctionalInterface
  interface Ports {
    int next() throws IOException;
  }

  private Nginx(Path binary, int upstreamPort, Ports ports)
      throws IOException, InterruptedException {
    Path temporary = Files.createTempDirectory("corsgen-nginx");
    // A Unix socket's path has at most 107 bytes: under a deep java.io.tmpdir, use /tmp.
    directory = temporary.resolve("cache.sock").toString().getBytes(StandardCharsets.UTF_8).length
        <= MAX_SOCKET_PATH ? temporary
        : Files.createTempDirectory(Path.of("/tmp"), "corsgen-nginx");
    if (!directory.equals(temporary)) {
      Files.delete(temporary);
    }
    Path config = directory.resolve("nginx.conf");
    for (int attempt = 1; ; attempt++) {
      port = ports.next();
      Files.writeString(config, config(upstreamPort), StandardCharsets.UTF_8);
      Files.deleteIfExists(directory.resolve("error.log"));
      Files.deleteIfExists(directory.resolve("cache.sock"));
      process = new ProcessBuilder(binary.toString(), "-p", directory.toString(),
          "-c", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("stdout.log").toFile())
          .start();
      if (awaitReady()) {
        return;
      }
      String logs = logs();
      stopProcess();
      if (attempt == ATTEMPTS || !logs.contains("Address already in use")) {
        deleteDirectory();
        throw new IOException("nginx did not start on 127.0.0.1:" + port + " (attempt "
            + attempt + " of " + ATTEMPTS + "): " + logs);
      }
    }
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
    return inFrontOf(upstreamPort, Nginx::freePort);
  }

  /** {@link #inFrontOf(int)} with the front's port from {@code ports}, tried in turn. */
  static Nginx inFrontOf(int upstreamPort, Ports ports) throws IOException, InterruptedException {
    return new Nginx(find().orElseThrow(), upstreamPort, ports);
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

  /** By user id, not name: a container's uid 0 need not be called root. */
  private static boolean runsAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The token the caching tier answers {@link #READY_PATH} with: this nginx's own directory. */
  private String token() {
    return directory.getFileName().toString();
  }

  private String config(int upstreamPort) {
    String dir = directory.toString();
    // As root, nginx's workers would switch to "nobody", who cannot write to this directory.
    String user = runsAsRoot() ? "user root root;\n" : "";
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
              proxy_pass http://unix:%1$s/cache.sock;
              proxy_method GET;
              proxy_set_header X-Corsgen-Method $request_method;
            }
          }

          server {
            listen unix:%1$s/cache.sock;
            location = %4$s {
              add_header %5$s %6$s always;
              return 204;
            }
            location / {
              proxy_pass http://127.0.0.1:%3$d;
              proxy_method $http_x_corsgen_method;
              proxy_cache corsgen;
              proxy_cache_key "$http_x_corsgen_method $request_uri";
              proxy_cache_valid 200 204 403 10m;
              proxy_ignore_headers Cache-Control Expires Set-Cookie X-Accel-Expires;
              add_header X-Cache-Status $upstream_cache_status always;
            }
          }
        }
        """.formatted(dir, port, upstreamPort, READY_PATH, READY_HEADER, token());
  }

  /**
   * Waits up to 15 s for {@link #READY_PATH} to come back through the front from this nginx's
   * caching tier: a listening port alone could be another process that took it first.
   */
  private boolean awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        CorsServer.Response response = CorsServer.send(port, "GET", READY_PATH, List.of());
        if (response.header(READY_HEADER).filter(token()::equals).isPresent()) {
          return true;
        }
      } catch (IOException notYet) {
        // Not listening yet, or not this nginx: ask again until the deadline.
      }
      Thread.sleep(50);
    }
    return false;
  }

  /**
   * nginx's own logs, for failure messages: the test can only see that an answer is wrong,
   * nginx says why (an upstream refused, a tier did not bind).
   */
  String logs() {
    StringBuilder logs = new StringBuilder();
    for (String name : List.of("stdout.log", "error.log")) {
      Path file = directory.resolve(name);
      try {
        if (Files.exists(file)) {
          logs.append(name).append(": ").append(Files.readString(file)).append('\n');
        }
      } catch (IOException e) {
        logs.append(name).append(": unreadable: ").append(e).append('\n');
      }
    }
    return logs.toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops nginx (SIGTERM: fast shutdown of master and workers) and removes its directory. */
  @Override
  public void close() {
    try {
      stopProcess();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteDirectory();
  }

  private void stopProcess() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void deleteDirectory() {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
