package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import org.corsgen.Cors;
import org.corsgen.it.other.SharedJsonResource;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Policies at a path that several resources share: start-up warns only when their preflights
 * would get different answers.
 */
class SharedPolicyTest {

  /** One {@code @Cors} that resources of two packages inherit: a constant in each package. */
  @Test
  void anInheritedPolicyInTwoPackagesIsOnePolicyAtTheirPath() throws Exception {
    try (LogCapture capture = new LogCapture("org.corsgen", Level.INFO);
        JerseyServer server = new JerseyServer(new ResourceConfig(SharedTextResource.class,
            SharedJsonResource.class).register(CorsFeature.class))) {
      assertEquals(List.of(), warningsOf(capture));
      HttpResponse<String> preflight = server.send("OPTIONS", "/shared",
          "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET");
      assertEquals(204, preflight.statusCode());
      assertEquals("https://app.example.com",
          preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }
  }

  /** Exposed headers reach only actual responses, which each method's filter answers. */
  @Test
  void policiesThatDifferOnlyInExposedHeadersShareAPathWithoutAWarning() throws Exception {
    try (LogCapture capture = new LogCapture("org.corsgen", Level.INFO);
        JerseyServer server = new JerseyServer(new ResourceConfig(ExposingText.class,
            ExposingJson.class).register(CorsFeature.class))) {
      assertEquals(List.of(), warningsOf(capture));
      HttpResponse<String> json = server.send("GET", "/exposing",
          "Origin", "https://app.example.com", "Accept", "application/json");
      assertEquals("X-Json",
          json.headers().firstValue("Access-Control-Expose-Headers").orElse(null));
    }
  }

  /**
   * Equal {@code @Cors} on two classes serving one path are two policies at run time, whose
   * methods one preflight answer names together: a browser that asked for one need not ask again
   * for the other.
   */
  @Test
  void policiesWrittenAlikeOnTwoClassesAnswerOnePreflightForBoth() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(ReadingNotes.class,
        WritingNotes.class).register(CorsFeature.class))) {
      for (String method : List.of("GET", "PUT")) {
        HttpResponse<String> preflight = server.send("OPTIONS", "/notes",
            "Origin", "https://app.example.com", "Access-Control-Request-Method", method,
            "Access-Control-Request-Headers", "x-token");
        assertEquals(204, preflight.statusCode());
        assertEquals("GET, HEAD, PUT",
            preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(null), method);
        assertEquals("600",
            preflight.headers().firstValue("Access-Control-Max-Age").orElse(null), method);
      }
    }
  }

  private static List<String> warningsOf(LogCapture capture) {
    return capture.records().stream()
        .filter(record -> record.getLevel().equals(Level.WARNING))
        .map(record -> new SimpleFormatter().formatMessage(record))
        .toList();
  }

  @Path("/exposing")
  @Cors(origins = "https://app.example.com", exposeHeaders = "X-Text")
  public static class ExposingText {
    @GET
    @Produces("text/plain")
    public String text() {
      return "text";
    }
  }

  @Path("/exposing")
  @Cors(origins = "https://app.example.com", exposeHeaders = "X-Json")
  public static class ExposingJson {
    @GET
    @Produces("application/json")
    public String json() {
      return "{}";
    }
  }

  @Path("/notes")
  @Cors(origins = "https://app.example.com", allowHeaders = "X-Token")
  public static class ReadingNotes {
    @GET
    public String read() {
      return "notes";
    }
  }

  @Path("/notes")
  @Cors(origins = "https://app.example.com", allowHeaders = "X-Token")
  public static class WritingNotes {
    @PUT
    public String write(String notes) {
      return notes;
    }
  }
}
