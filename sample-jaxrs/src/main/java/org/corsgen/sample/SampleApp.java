package org.corsgen.sample;

import java.io.IOException;
import java.net.URI;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Runs the sample: the API on {@code http://localhost:8080} and the demo page on
 * {@code http://127.0.0.1:8081}, a second origin, so that the browser applies CORS between them.
 *
 * <p>The system properties {@value #API_PORT_PROPERTY} and {@value #PAGE_PORT_PROPERTY} move them
 * (0 picks a free port). The page only passes its CORS checks on port 8081, the port its origins
 * name in the {@code @Cors} annotations: a port is part of an origin.
 */
public final class SampleApp implements AutoCloseable {

  public static final String API_PORT_PROPERTY = "corsgen.sample.apiPort";
  public static final String PAGE_PORT_PROPERTY = "corsgen.sample.pagePort";

  private static final String API_HOST = "localhost";
  private static final String PAGE_HOST = "127.0.0.1";

  private final HttpServer api;
  private final PageServer pages;
  private final URI apiUri;

  private SampleApp(HttpServer api, PageServer pages, URI apiUri) {
    this.api = api;
    this.pages = pages;
    this.apiUri = apiUri;
  }

  /** The API and its resources, as an application would configure them. */
  private static ResourceConfig application() {
    ResourceConfig application = new ResourceConfig(
            GreetingResource.class,
            NotesResource.class,
            SessionResource.class,
            TenantResource.class,
            PartnersResource.class,
            NoteNotFoundException.Mapper.class)
        // Jersey would find CorsFeature by auto-discovery anyway; registering it says where the
        // CORS behaviour comes from.
        .register(CorsFeature.class)
        // The partners' origins, asked at each request: a Predicate rather than a list.
        .property(PartnerOrigins.PROPERTY, PartnerOrigins.CHECK)
        // WADL needs JAXB, which the sample leaves out; disabling it avoids a warning at start.
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // A development server, so debug mode, unless -Dcorsgen.debug or CORSGEN_DEBUG says
    // otherwise (corsgen reads those itself, and logs where the value came from): the browser's
    // console then names the method or header a refused preflight asked for (the refused
    // DELETE), instead of a missing Access-Control-Allow-Origin.
    if (System.getProperty(CorsFeature.DEBUG) == null && System.getenv("CORSGEN_DEBUG") == null) {
      application.property(CorsFeature.DEBUG, true);
    }
    return application;
  }

  /** Starts the API and the page server; a port of 0 picks a free one. */
  public static SampleApp start(int apiPort, int pagePort) throws IOException {
    HttpServer api = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://" + API_HOST + ":" + apiPort + "/"), application(), false);
    api.start();
    URI apiUri = URI.create(
        "http://" + API_HOST + ":" + api.getListeners().iterator().next().getPort());
    try {
      // Loopback only: a demo has no business listening on the network.
      PageServer pages = PageServer.start(PAGE_HOST, pagePort, "/org/corsgen/sample/page/");
      return new SampleApp(api, pages, apiUri);
    } catch (IOException | RuntimeException e) {
      api.shutdownNow();
      throw e;
    }
  }

  /** The API's base, such as {@code http://localhost:8080}. */
  public URI apiUri() {
    return apiUri;
  }

  /** The demo page, told where the API is. */
  public URI pageUri() {
    return URI.create("http://" + PAGE_HOST + ":" + pages.port() + "/?api=" + apiUri);
  }

  /** The port of the page server. */
  public int pagePort() {
    return pages.port();
  }

  @Override
  public void close() {
    pages.close();
    api.shutdownNow();
  }

  public static void main(String[] args) throws Exception {
    int apiPort = Integer.getInteger(API_PORT_PROPERTY, 8080);
    int pagePort = Integer.getInteger(PAGE_PORT_PROPERTY, SampleOrigins.PAGE_PORT);
    SampleApp app = start(apiPort, pagePort);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close));
    System.out.println("corsgen sample API: " + app.apiUri());
    System.out.println("Demo page:          " + app.pageUri());
    if (app.pagePort() != SampleOrigins.PAGE_PORT) {
      System.out.println("Note: the sample's @Cors origins name port " + SampleOrigins.PAGE_PORT
          + ", so a page on port " + app.pagePort() + " sees its requests refused.");
    }
    // The processor wrote this review report next to the classes; diff it between builds.
    System.out.println("CORS policy report: "
        + SampleApp.class.getClassLoader().getResource("META-INF/corsgen/cors-policies.md"));
    System.out.println("Press Ctrl-C to stop.");
    // Wait for Ctrl-C (or any other stop); the shutdown hook then closes both servers.
    Thread.currentThread().join();
  }
}
