package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Which of an application's response filters run before corsgen's, whose grants corsgen then
 * puts back, and which after, by priority: what README's Limits say, as Jersey does it. Each
 * filter records what the field corsgen owns held when it ran (Allow-Methods on a preflight,
 * Allow-Origin on a GET) and writes its own name there.
 */
class ResponseFilterOrderTest {

  abstract static class Recording implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      // The field corsgen owns on each kind of answer.
      String field = request.getMethod().equals("OPTIONS")
          ? "Access-Control-Allow-Methods" : "Access-Control-Allow-Origin";
      String name = getClass().getSimpleName();
      response.getHeaders().add("X-Order", name + "(saw " + response.getHeaderString(field) + ")");
      response.getHeaders().putSingle(field, name);
    }
  }

  /** As a hand-written filter usually is: no priority of its own. */
  public static final class Unannotated extends Recording {}

  @Priority(Priorities.USER)
  public static final class User extends Recording {}

  @Priority(Priorities.USER + 1)
  public static final class AboveUser extends Recording {}

  @Priority(Priorities.HEADER_DECORATOR - 1)
  public static final class JustBelow extends Recording {}

  @Priority(Priorities.HEADER_DECORATOR + 1)
  public static final class JustAbove extends Recording {}

  @Priority(Priorities.AUTHENTICATION)
  public static final class Low extends Recording {}

  @Priority(Priorities.HEADER_DECORATOR)
  public static final class Tied extends Recording {}

  private static final String GRANTED = "GET, HEAD, PATCH, PUT";
  private static final String APP = "https://app.example.com";

  /**
   * Jersey 4.0 and 3.1 run response filters from the highest priority number down, one without a
   * priority at {@code USER} (5000). corsgen's, at {@code HEADER_DECORATOR} (3000), therefore run
   * after those at the default priority or any number above 3000, whose grants they replace, and
   * before those below.
   */
  @Test
  void filtersRunFromTheHighestPriorityNumberDownWithCorsgenAtHeaderDecorator() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(ItemsResource.class,
        Unannotated.class, User.class, AboveUser.class, JustBelow.class, JustAbove.class,
        Low.class)
        .register(CorsFeature.class))) {
      HttpResponse<String> preflight = server.send("OPTIONS", "/items/1",
          "Origin", APP, "Access-Control-Request-Method", "PUT");
      assertEquals(expectedOrder(preflight, GRANTED), header(preflight, "X-Order").orElseThrow());
      assertEquals(Optional.of("Low"), header(preflight, "Access-Control-Allow-Methods"));

      HttpResponse<String> get = server.send("GET", "/items/1", "Origin", APP);
      assertEquals(expectedOrder(get, "null"), header(get, "X-Order").orElseThrow());
      assertEquals(Optional.of("Low"), header(get, "Access-Control-Allow-Origin"));
    }
  }

  /**
   * A filter at exactly {@code HEADER_DECORATOR} ties with corsgen's. Jersey sorts the global
   * filters and the ones bound to the method together, global ones first, and keeps that order
   * at a tie, so in Jersey 4.0 and 3.1 the application's runs first and corsgen's replace its
   * grants; Jersey does not promise it, which is why README asks for another number.
   */
  @Test
  void aFilterTiedWithCorsgensRunsBeforeThem() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(ItemsResource.class,
        Tied.class, Low.class)
        .register(CorsFeature.class))) {
      HttpResponse<String> preflight = server.send("OPTIONS", "/items/1",
          "Origin", APP, "Access-Control-Request-Method", "PUT");
      assertEquals("Tied(saw " + GRANTED + "), Low(saw " + GRANTED + ")",
          header(preflight, "X-Order").orElseThrow());
      HttpResponse<String> get = server.send("GET", "/items/1", "Origin", APP);
      assertEquals("Tied(saw null), Low(saw " + APP + ")", header(get, "X-Order").orElseThrow());
    }
  }

  /**
   * AboveUser, the two at 5000 (in either order: they tie), JustAbove, then corsgen, whose value
   * (put back on a preflight, put over the others' on a GET) JustBelow sees, then Low.
   * {@code first} is what the first filter sees: the answer as the resource left it.
   */
  private static String expectedOrder(HttpResponse<String> response, String first) {
    boolean userFirst = header(response, "X-Order").orElseThrow()
        .startsWith("AboveUser(saw " + first + "), User");
    String defaults = "AboveUser(saw " + first + "), " + (userFirst
        ? "User(saw AboveUser), Unannotated(saw User)"
        : "Unannotated(saw AboveUser), User(saw Unannotated)");
    String corsgens = response.request().method().equals("OPTIONS") ? GRANTED : APP;
    return defaults + ", JustAbove(saw " + (userFirst ? "Unannotated" : "User")
        + "), JustBelow(saw " + corsgens + "), Low(saw JustBelow)";
  }
}
