package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.logging.SimpleFormatter;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A root resource with a policy that a locator also returns: Jersey models it again, at the first
 * request through the locator, and corsgen answers preflights at the locator's paths too.
 */
class LocatorPreflightTest {

  private static final String APP = "https://app.example.com";

  private static HttpResponse<String> preflight(JerseyServer server, String path, String method)
      throws Exception {
    return server.send("OPTIONS", path, "Origin", APP, "Access-Control-Request-Method", method);
  }

  @ParameterizedTest(name = "WADL on: {0}")
  @ValueSource(booleans = {false, true})
  void preflightsAtTheLocatorsPathsAreAnswered(boolean wadl) throws Exception {
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(new ResourceConfig(MountingResource.class,
        MountedResource.class).property(ServerProperties.WADL_FEATURE_DISABLE, !wadl))) {
      HttpResponse<String> get = preflight(server, "/mounting/child", "GET");
      assertEquals(204, get.statusCode());
      assertEquals(Optional.of(APP), header(get, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("GET, HEAD"), header(get, "Access-Control-Allow-Methods"));

      HttpResponse<String> put = preflight(server, "/mounting/child/x", "PUT");
      assertEquals(204, put.statusCode());
      HttpResponse<String> actual = server.send("PUT", "/mounting/child/x", "Origin", APP);
      assertEquals("put x", actual.body());
      assertEquals(Optional.of(APP), header(actual, "Access-Control-Allow-Origin"));

      assertEquals(405, server.send("PUT", "/mounting/child", "Origin", APP).statusCode());
      HttpResponse<String> notServed = preflight(server, "/mounting/child", "PUT");
      assertEquals(403, notServed.statusCode());
      assertNoCorsGrant(notServed);

      assertEquals(204, preflight(server, "/mounted", "GET").statusCode());
      List<String> lines = log.records().stream()
          .map(record -> new SimpleFormatter().formatMessage(record))
          .filter(message -> message.contains("where a locator returns"))
          .toList();
      assertEquals(List.of("corsgen: preflights answered where a locator returns "
          + MountedResource.class.getName()
          + "\n  {locator}/x: PUT from [https://app.example.com]"
          + "\n  {locator}: GET, HEAD from [https://app.example.com]"), lines,
          "said once, at the first request through the locator");
    }
  }

  @Test
  void aReturnedResourceModelledAtEveryRequestIsAnsweredAndLoggedOnce() throws Exception {
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(new ResourceConfig(MountingResource.class))) {
      for (int i = 0; i < 3; i++) {
        assertEquals(204, preflight(server, "/mounting/modelled", "GET").statusCode());
      }
      assertEquals(1, log.records().stream()
          .filter(record -> record.getMessage().contains("where a locator returns"))
          .count());
    }
  }

  /** One method's policy cannot be resolved: the class's other methods keep their answers. */
  @Test
  void aPolicyThatCannotResolveTakesOnlyItsOwnMethodsAnswers() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(MountingResource.class))) {
      assertEquals(204, preflight(server, "/mounting/partly", "GET").statusCode());
      HttpResponse<String> put = preflight(server, "/mounting/partly/p", "PUT");
      assertTrue(put.statusCode() < 500, put.toString());
      assertNoCorsGrant(put);
      assertEquals("put p", server.send("PUT", "/mounting/partly/p", "Origin", APP).body());
    }
  }

  /**
   * Its policy's placeholder has no value, and the locator's declared type shows the class: the
   * application does not start, as it would not with the class registered itself.
   */
  @Test
  void locatedClassWhosePolicyCannotResolveStopsStartUp() {
    Exception failure = assertThrows(Exception.class,
        () -> new JerseyServer(new ResourceConfig(LocatorResource.class)).close());
    String message = ConfiguredOriginsTest.rootCause(failure).getMessage();
    assertTrue(message.startsWith("@Cors on org.corsgen.it.LocatedResource: origins placeholder"
        + " ${corsgen.it.located-origins} has no value."), message);
  }

  /** Deeper down, a locator's type variable is resolved against its class, as Jersey does. */
  @Test
  void classAGenericLocatorReturnsIsLookedAtToo() {
    Exception failure = assertThrows(Exception.class,
        () -> new JerseyServer(new ResourceConfig(GenericLocatorResource.class)).close());
    String message = ConfiguredOriginsTest.rootCause(failure).getMessage();
    assertTrue(message.startsWith("@Cors on org.corsgen.it.GenericLocatorResource.Leaf: origins"
        + " placeholder ${corsgen.it.generic-origins} has no value."), message);
    Throwable wrapper = failure;
    while (wrapper.getCause() != null && !wrapper.getMessage().startsWith("corsgen: ")) {
      wrapper = wrapper.getCause();
    }
    assertEquals("corsgen: " + GenericLocatorResource.Leaf.class.getName() + ", which the locator"
        + " at {locator}/sub in " + GenericLocatorResource.Mid.class.getName() + " returns, has"
        + " a policy that cannot be used: " + message, wrapper.getMessage());
  }

  /**
   * The same class behind a locator declared to return {@code Object}, known only at the first
   * request: no answer of corsgen's there, but no 500 either.
   */
  @ParameterizedTest(name = "WADL on: {0}")
  @ValueSource(booleans = {false, true})
  void locatedResourceWhosePolicyCannotResolveLeavesPreflightsToJersey(boolean wadl)
      throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(OpaqueLocatorResource.class)
        .property(ServerProperties.WADL_FEATURE_DISABLE, !wadl))) {
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> response = preflight(server, "/opaque/child", "GET");
        assertNotEquals(500, response.statusCode());
        assertTrue(response.statusCode() < 500, response.toString());
        assertNoCorsGrant(response);
      }
    }
  }
}
