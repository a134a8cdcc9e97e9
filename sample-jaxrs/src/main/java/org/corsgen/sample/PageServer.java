package org.corsgen.sample;

import java.io.IOException;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Serves static pages from the class path on their own port. A page's origin includes host and
 * port, so pages served here are cross-origin to the API even on the same machine.
 */
public final class PageServer implements AutoCloseable {

  private final HttpServer server;
  private final int port;

  private PageServer(HttpServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts serving the class path folder {@code root} (such as {@code "/org/corsgen/sample/page/"})
   * on {@code host}, at {@code port} or at a free port when it is 0.
   */
  public static PageServer start(String host, int port, String root) throws IOException {
    HttpServer server = new HttpServer();
    NetworkListener listener = new NetworkListener("pages", host, port);
    server.addListener(listener);
    server.getServerConfiguration()
        .addHttpHandler(new CLStaticHttpHandler(PageServer.class.getClassLoader(), root), "/");
    server.start();
    return new PageServer(server, listener.getPort());
  }

  /** The port pages are served at. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
