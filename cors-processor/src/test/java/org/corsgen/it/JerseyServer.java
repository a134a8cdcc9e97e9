package org.corsgen.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A Jersey application on Grizzly at a free loopback port, and a client to call it. WADL is off
 * unless the application turns it on ({@code WadlTest}), although JAXB is on the test class path.
 */
final class JerseyServer implements AutoCloseable {

  private final HttpServer server;
  private final URI base;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  JerseyServer(ResourceConfig application) throws IOException {
    if (application.getProperty(ServerProperties.WADL_FEATURE_DISABLE) == null) {
      application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
    server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        application, false);
    server.start();
    int port = server.getListeners().iterator().next().getPort();
    base = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * A request to {@code path}, which starts with a slash; {@code headers} are name, value pairs
   * (names may repeat).
   */
  HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    return send(client, method, path, headers);
  }

  /**
   * As {@link #send}, on a connection of its own: for requests the container answers by closing
   * the connection, which a pooled client might otherwise reuse for the next test.
   */
  HttpResponse<String> sendAlone(String method, String path, String... headers) throws Exception {
    return send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), method,
        path, headers);
  }

  private HttpResponse<String> send(HttpClient client, String method, String path,
      String... headers) throws Exception {
    // Not base.resolve(path), which reads "//x" as a host name.
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, method.equals("PUT") || method.equals("POST") || method.equals("PATCH")
            ? HttpRequest.BodyPublishers.ofString("{}")
            : HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
