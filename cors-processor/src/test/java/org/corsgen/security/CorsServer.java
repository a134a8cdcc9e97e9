package org.corsgen.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A Jersey application on Grizzly at a free loopback port, with Grizzly's header limit raised
 * from its default of 8 KiB to {@value #MAX_HEADER_BYTES} bytes so that huge header blocks (a
 * 1 MiB {@code Access-Control-Request-Headers}, 10,000 names) reach corsgen instead of being
 * refused by Grizzly with 400. Requests are written byte for byte on a socket, so that tests can
 * send what {@code java.net.http} would refuse or rewrite (repeated fields, tabs, Latin-1).
 * Jersey's WADL support stays on, as Jersey has it whenever JAXB is present (the test class path
 * has it): every CORS path then also has WADL's OPTIONS method, which hostile preflights meet.
 */
final class CorsServer implements AutoCloseable {

  static final int MAX_HEADER_BYTES = 4 << 20;

  private final HttpServer server;
  private final int port;

  CorsServer(ResourceConfig application) throws IOException {
    server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        application, false);
    NetworkListener listener = server.getListeners().iterator().next();
    listener.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
    server.start();
    port = listener.getPort();
  }

  int port() {
    return port;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The head of a response: header names in lower case, repeated fields kept. */
  record Response(int status, Map<String, List<String>> headers) {

    Optional<String> header(String name) {
      List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    /** Whether any {@code Access-Control-Allow-*} or {@code -Expose-} header is present. */
    boolean grantsAnything() {
      return headers.keySet().stream().anyMatch(name -> name.startsWith("access-control-"));
    }
  }

  /**
   * Sends {@code method path} with {@code headers} (name, value pairs; names may repeat) on a new
   * connection, values encoded as ISO-8859-1 as HTTP/1.1 does, and reads the whole response.
   */
  Response send(String method, String path, List<String[]> headers) throws IOException {
    return send(port, method, path, headers);
  }

  /** {@link #send(String, String, List)} to any server on {@code 127.0.0.1:port}. */
  static Response send(int port, String method, String path, List<String[]> headers)
      throws IOException {
    StringBuilder request = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (String[] header : headers) {
      request.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  /** {@link #send(String, String, List)} with headers given as name, value, name, value... */
  Response send(String method, String path, String... headers) throws IOException {
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      pairs.add(new String[] {headers[i], headers[i + 1]});
    }
    return send(method, path, pairs);
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    String text = bytes.toString(StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      throw new IOException("no complete response: " + Trials.abbreviate(text));
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          name -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
    }
    return new Response(status, headers);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
