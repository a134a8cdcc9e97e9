package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request header that Jersey cannot parse is a client error, Jersey's 400 (its internal mapping
 * of an inbound HeaderValueException), and at a CORS path the page must be able to read it.
 */
class MalformedRequestHeadersTest {

  private static final String APP = "https://app.example.com";

  private static JerseyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new JerseyServer(new ResourceConfig(MalformedHeadersResource.class)
        .register(CorsFeature.class));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aMalformedHeaderTheMethodReadsStaysJerseys400WithTheCorsHeaders() throws Exception {
    // Both are sent by pages: Accept-Language with that value is CORS-safelisted (no preflight),
    // If-None-Match is preflighted and allowed by the policy.
    String[][] requests = {
        {"/malformed/tagged", "If-None-Match", "garbage"},
        {"/malformed/languages", "Accept-Language", "en;q=1.5"}};
    for (String[] request : requests) {
      HttpResponse<String> response = server.sendAlone("GET", request[0],
          "Origin", APP, request[1], request[2]);
      assertEquals(400, response.statusCode(), () -> request[1] + ": Jersey answers 400 without"
          + " corsgen; its fallback mapper must not turn a client error into a 500");
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"), request[1]);
      assertEquals(Optional.of("Origin"), header(response, "Vary"), request[1]);
    }
  }

  @Test
  void aMalformedContentTypeThatJerseyRefusesWhileChoosingAMethodCarriesThePolicy()
      throws Exception {
    // Preflighted and allowed (Content-Type is in allowHeaders); "text/csv" here is a 415 that
    // carries the policy, and "json" must not be a bare 400 the page cannot read.
    HttpResponse<String> preflight = server.send("OPTIONS", "/malformed/json",
        "Origin", APP,
        "Access-Control-Request-Method", "PUT",
        "Access-Control-Request-Headers", "content-type");
    assertEquals(204, preflight.statusCode());
    HttpResponse<String> unsupported = server.sendAlone("PUT", "/malformed/json",
        "Origin", APP, "Content-Type", "text/csv");
    assertEquals(415, unsupported.statusCode());
    assertEquals(Optional.of(APP), header(unsupported, "Access-Control-Allow-Origin"));

    HttpResponse<String> malformed = server.sendAlone("PUT", "/malformed/json",
        "Origin", APP, "Content-Type", "json");
    assertEquals(400, malformed.statusCode());
    assertEquals(Optional.of(APP), header(malformed, "Access-Control-Allow-Origin"));
    assertEquals(Optional.of("Origin"), header(malformed, "Vary"));
  }

  /**
   * No browser sends a preflight Jersey cannot parse, but a cache that stored Jersey's 400 for
   * one without the preflight's Vary would serve it to the browsers' preflights at that URL.
   */
  @Test
  void aPreflightJerseyRefusesWhileChoosingAMethodVariesAsAPreflight() throws Exception {
    for (String[] malformed : new String[][] {{"Accept", ";;"}, {"Content-Type", "json"}}) {
      HttpResponse<String> preflight = server.sendAlone("OPTIONS", "/malformed/json",
          "Origin", APP,
          "Access-Control-Request-Method", "PUT",
          malformed[0], malformed[1]);
      assertEquals(400, preflight.statusCode(), malformed[0]);
      assertEquals(Optional.empty(), header(preflight, "Access-Control-Allow-Origin"));
      assertEquals(
          Optional.of("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"),
          header(preflight, "Vary"), malformed[0]);
    }
  }

  @Test
  void aMalformedAcceptOnASimpleGetCarriesThePolicy() throws Exception {
    // Accept with this value is CORS-safelisted: a page sends it without a preflight.
    HttpResponse<String> response = server.sendAlone("GET", "/malformed/languages",
        "Origin", APP, "Accept", "text/plain;q=abc");
    assertEquals(400, response.statusCode());
    assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
    assertEquals(Optional.of("Origin"), header(response, "Vary"));
  }

  /**
   * Jersey answers a Content-Type it cannot parse while choosing a method with its 400, past any
   * application mapper of what it throws for one: the answer still carries the policy.
   */
  @Test
  void aMalformedContentTypeIsJerseys400WithThePolicyWhateverTheApplicationMaps()
      throws Exception {
    try (JerseyServer mapped = new JerseyServer(new ResourceConfig(MalformedHeadersResource.class,
        ProcessingErrors.class).register(CorsFeature.class))) {
      HttpResponse<String> malformed = mapped.sendAlone("PUT", "/malformed/json",
          "Origin", APP, "Content-Type", "json");
      assertEquals(400, malformed.statusCode());
      assertEquals(Optional.of(APP), header(malformed, "Access-Control-Allow-Origin"));
    }
  }

  /** Maps what Jersey throws for a header it cannot parse. */
  public static final class ProcessingErrors implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException exception) {
      return Response.status(422).entity("unreadable request").build();
    }
  }
}
