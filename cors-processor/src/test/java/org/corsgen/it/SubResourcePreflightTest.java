package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A class without {@code @Path} that only a locator returns, with {@code @Cors}: Jersey models it
 * at the first request through the locator, and corsgen answers its preflights and adds its
 * headers there.
 */
class SubResourcePreflightTest {

  private static final String APP = "https://app.example.com";
  private static final String ADMIN = "https://admin.example.com";

  private static HttpResponse<String> preflight(JerseyServer server, String path, String origin,
      String method, String... headers) throws Exception {
    return headers.length == 0
        ? server.send("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method)
        : server.send("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method,
            "Access-Control-Request-Headers", String.join(",", headers));
  }

  @ParameterizedTest(name = "WADL on: {0}")
  @ValueSource(booleans = {false, true})
  void preflightsAndActualRequestsAtTheLocatorsPathsFollowTheSubResourcesPolicies(boolean wadl)
      throws Exception {
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(new ResourceConfig(OrdersResource.class)
        .property(ServerProperties.WADL_FEATURE_DISABLE, !wadl))) {
      HttpResponse<String> put = preflight(server, "/orders/7/lines/3", APP, "PUT",
          "content-type");
      assertEquals(204, put.statusCode(), put.toString());
      assertEquals(Optional.of(APP), header(put, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("Content-Type"), header(put, "Access-Control-Allow-Headers"));

      HttpResponse<String> delete = preflight(server, "/orders/7/lines/3", ADMIN, "DELETE");
      assertEquals(204, delete.statusCode(), delete.toString());
      assertEquals(Optional.of(ADMIN), header(delete, "Access-Control-Allow-Origin"));
      HttpResponse<String> deleteFromApp = preflight(server, "/orders/7/lines/3", APP, "DELETE");
      assertEquals(403, deleteFromApp.statusCode());
      assertNoCorsGrant(deleteFromApp);

      HttpResponse<String> list = server.send("GET", "/orders/7/lines", "Origin", APP);
      assertEquals("lines of 7", list.body());
      assertEquals(Optional.of(APP), header(list, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("X-Order"), header(list, "Access-Control-Expose-Headers"));
      assertEquals(204, preflight(server, "/orders/7/lines", APP, "GET").statusCode());
      HttpResponse<String> notServed = preflight(server, "/orders/7/lines", APP, "PUT");
      assertEquals(403, notServed.statusCode());
      assertNoCorsGrant(notServed);

      HttpResponse<String> note = preflight(server, "/orders/7/lines/3/notes", APP, "POST",
          "content-type");
      assertEquals(204, note.statusCode(), note.toString());
      assertEquals("noted {}", server.send("POST", "/orders/7/lines/3/notes", "Origin", APP,
          "Content-Type", "application/json").body());

      HttpResponse<String> orders = server.send("GET", "/orders", "Origin", APP);
      assertEquals("orders", orders.body());
      assertNoCorsGrant(orders);

      List<String> messages = log.records().stream()
          .map(record -> new SimpleFormatter().formatMessage(record))
          .toList();
      assertTrue(messages.contains("corsgen: classes with CORS policies that locators return,"
          + " answered there from the first request through each locator:"
          + "\n  " + LineNotesResource.class.getName() + ": {locator}/{line}/notes in "
          + OrderLinesResource.class.getName()
          + "\n  " + OrderLinesResource.class.getName() + ": /orders/{order}/lines"),
          messages::toString);
      assertTrue(messages.stream().noneMatch(message -> message.contains("no resource of")),
          messages::toString);
      List<String> lines = messages.stream()
          .filter(message -> message.contains("where a locator returns")
              && message.contains(OrderLinesResource.class.getName()))
          .toList();
      assertEquals(List.of("corsgen: preflights answered where a locator returns "
          + OrderLinesResource.class.getName()
          + "\n  {locator}/{line}: DELETE from [https://admin.example.com];"
          + " PUT from [https://app.example.com]"
          + "\n  {locator}: GET, HEAD from [https://app.example.com]"), lines,
          "said once, at the first request through the locator");
    }
  }

  /**
   * Each class's locators are looked at once: followed path by path, classes that return one
   * another would give paths without end.
   */
  @Test
  void locatorsOfClassesThatReturnOneAnotherAreListedOncePerClass() throws Exception {
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(new ResourceConfig(TreeResource.class))) {
      List<String> located = log.records().stream()
          .map(record -> new SimpleFormatter().formatMessage(record))
          .filter(message -> message.contains("classes with CORS policies that locators return"))
          .toList();
      String node = TreeResource.Node.class.getName();
      String notes = TreeResource.Notes.class.getName();
      assertEquals(List.of("corsgen: classes with CORS policies that locators return, answered"
          + " there from the first request through each locator:"
          + "\n  " + node + ": /tree/root, {locator}/children/{child} in " + node
          + ", {locator}/node in " + notes
          + "\n  " + notes + ": {locator}/notes in " + node), located);

      HttpResponse<String> deep = preflight(server, "/tree/root/children/a/notes/node/notes",
          ADMIN, "GET");
      assertEquals(204, deep.statusCode(), deep.toString());
      assertEquals("notes of root/a", server.send("GET", "/tree/root/children/a/notes/node/notes",
          "Origin", ADMIN).body());
    }
  }

  /**
   * A locator declared to return {@code Object} hides its class until the first request: said at
   * start-up, without the warning that no resource has a policy, and answered once reached.
   */
  @Test
  void opaqueLocatorsAreNamedAndTheirClassesAnsweredWhenReached() throws Exception {
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(
        new ResourceConfig(OpaqueLocatorResource.class))) {
      List<String> messages = log.records().stream()
          .map(record -> new SimpleFormatter().formatMessage(record))
          .toList();
      assertTrue(messages.contains("corsgen: locators whose declared type does not say which"
          + " class they return; the policies of what they return are looked up at the first"
          + " request through each:\n  /opaque/child (Object)\n  /opaque/lines (Object)"),
          messages::toString);
      assertTrue(messages.stream().noneMatch(message -> message.contains("no resource of")),
          messages::toString);
      assertEquals(204, preflight(server, "/opaque/lines/3", APP, "PUT").statusCode());
    }
  }

  /**
   * The start-up look at what locators return must not run Jersey's validation of those classes
   * inside the application's: Jersey reports their errors at the first request through the
   * locator, and the rest of the application serves on.
   */
  @Test
  void classALocatorReturnsThatJerseyFindsWrongDoesNotStopStartUp() throws Exception {
    try (JerseyServer server = new JerseyServer(
        new ResourceConfig(AmbiguousLocatorResource.class))) {
      HttpResponse<String> get = server.send("GET", "/ambiguous", "Origin", APP);
      assertEquals("ambiguous", get.body());
      assertEquals(Optional.of(APP), header(get, "Access-Control-Allow-Origin"));
    }
  }

  /** A base class of a root resource is answered where a locator returns it, too. */
  @Test
  void baseOfARootResourceThatALocatorReturnsIsAnswered() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(BasedResource.class))) {
      assertEquals(204, preflight(server, "/based", APP, "GET").statusCode());
      HttpResponse<String> located = preflight(server, "/based/any", APP, "GET");
      assertEquals(204, located.statusCode(), located.toString());
      assertEquals(Optional.of(APP), header(located, "Access-Control-Allow-Origin"));
    }
  }
}
