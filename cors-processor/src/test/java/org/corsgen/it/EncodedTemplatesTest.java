package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.corsgen.it.overlap.AnyPairResource;
import org.corsgen.it.overlap.EncodedCafeResource;
import org.corsgen.it.overlap.EncodedItemsResource;
import org.corsgen.it.overlap.RawCafeResource;
import org.corsgen.it.overlap.SpacedItemsResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Overlapping paths whose literals are written raw in one template and percent-encoded in the
 * other: Jersey matches both in the encoded form, and so must the preflight.
 */
class EncodedTemplatesTest {

  private static final String APP = "https://app.example.com";

  private static JerseyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new JerseyServer(new ResourceConfig(EncodedCafeResource.class,
        RawCafeResource.class, AnyPairResource.class, SpacedItemsResource.class,
        EncodedItemsResource.class));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> preflight(String path, String method) throws Exception {
    return server.send("OPTIONS", path, "Origin", APP, "Access-Control-Request-Method", method);
  }

  @Test
  void preflightStopsWhereJerseyDescendsIntoAPathWrittenRaw() throws Exception {
    assertEquals(405, server.send("PUT", "/caf%C3%A9/5", "Origin", APP).statusCode());
    HttpResponse<String> put = preflight("/caf%C3%A9/5", "PUT");
    assertEquals(403, put.statusCode());
    assertNoCorsGrant(put);

    assertEquals("put", server.send("PUT", "/caf%C3%A9/abc", "Origin", APP).body());
    assertEquals(204, preflight("/caf%C3%A9/abc", "PUT").statusCode());
  }

  @Test
  void methodOfALaterPathWrittenRawIsPreflightedWhereItIsServed() throws Exception {
    HttpResponse<String> actual = server.send("DELETE", "/my%20items/5", "Origin", APP);
    assertEquals("deleted", actual.body());
    assertEquals(Optional.of(APP), header(actual, "Access-Control-Allow-Origin"));
    assertEquals(204, preflight("/my%20items/5", "DELETE").statusCode());
  }
}
