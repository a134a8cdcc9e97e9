package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corsgen.runtime.spi.CorsHeaders;
import org.glassfish.jersey.message.internal.OutboundJaxrsResponse;
import org.junit.jupiter.api.Test;

class PreflightAnswerTest {

  private static PreflightAnswer allowed() {
    return new PreflightAnswer(Response.Status.NO_CONTENT)
        .header(CorsHeaders.ALLOW_ORIGIN, "https://app.example.com")
        .header(CorsHeaders.VARY, CorsHeaders.PREFLIGHT_VARY)
        .header(CorsHeaders.MAX_AGE, "600");
  }

  @Test
  void answersWithItsStatusAndHeadersAndNoEntity() {
    PreflightAnswer answer = allowed();
    assertEquals(204, answer.getStatus());
    assertEquals(Response.Status.NO_CONTENT, answer.getStatusInfo());
    assertFalse(answer.hasEntity());
    assertNull(answer.getEntity());
    assertEquals(List.of("https://app.example.com"),
        answer.getStringHeaders().get(CorsHeaders.ALLOW_ORIGIN));
    assertEquals(3, answer.getHeaders().size());
  }

  @Test
  void headerStringIgnoresCaseAndJoinsRepeatedValues() {
    PreflightAnswer answer = allowed().header(CorsHeaders.VARY, "Accept-Encoding");
    assertEquals("600", answer.getHeaderString("access-control-max-age"));
    assertEquals(CorsHeaders.PREFLIGHT_VARY + ",Accept-Encoding", answer.getHeaderString("VARY"));
    assertNull(answer.getHeaderString(CorsHeaders.ALLOW_CREDENTIALS));
  }

  /**
   * What Jersey does with a resource's or a filter's Response before anything else reads it: it
   * takes this answer as it is, with no copy of its fields.
   */
  @Test
  void jerseyTakesTheAnswerItselfAndLaterFiltersMayAddToIt() {
    PreflightAnswer answer = allowed();
    OutboundJaxrsResponse taken = OutboundJaxrsResponse.from(answer, null);
    assertSame(answer, taken);
    assertEquals(204, taken.getStatus());
    assertEquals("https://app.example.com",
        taken.getHeaderString("access-control-allow-origin"));
    assertEquals(CorsHeaders.PREFLIGHT_VARY, taken.getHeaderString(CorsHeaders.VARY));
    assertEquals("600", taken.getHeaderString(CorsHeaders.MAX_AGE));

    taken.getHeaders().add(CorsHeaders.VARY, "Accept-Encoding");
    assertEquals(CorsHeaders.PREFLIGHT_VARY + ",Accept-Encoding",
        taken.getHeaderString(CorsHeaders.VARY));
    // Each answer has lists of its own: a filter that adds to one answer changes no other.
    assertEquals(CorsHeaders.PREFLIGHT_VARY, allowed().getHeaderString(CorsHeaders.VARY));
  }

  @Test
  void typedViewsReadTheHeaderFields() {
    PreflightAnswer bare = allowed();
    assertNull(bare.getMediaType());
    assertNull(bare.getLanguage());
    assertEquals(-1, bare.getLength());
    assertEquals(Set.of(), bare.getAllowedMethods());
    assertEquals(Map.of(), bare.getCookies());
    assertNull(bare.getEntityTag());
    assertNull(bare.getDate());
    assertNull(bare.getLastModified());
    assertNull(bare.getLocation());
    assertEquals(Set.of(), bare.getLinks());
    assertFalse(bare.hasLink("next"));
    assertNull(bare.getLinkBuilder("next"));

    PreflightAnswer full = allowed()
        .header(HttpHeaders.CONTENT_TYPE, "text/plain")
        .header(HttpHeaders.CONTENT_LENGTH, "0")
        .header(HttpHeaders.ALLOW, "options, GET")
        .header(HttpHeaders.ETAG, "\"v1\"")
        .header(HttpHeaders.LOCATION, "https://api.example.com/items")
        .header(HttpHeaders.LINK, "<https://api.example.com/items?page=2>; rel=\"next\"")
        .header(HttpHeaders.SET_COOKIE, "session=abc");
    assertEquals(MediaType.TEXT_PLAIN_TYPE, full.getMediaType());
    assertEquals(0, full.getLength());
    assertEquals(Set.of("OPTIONS", "GET"), full.getAllowedMethods());
    assertEquals(new EntityTag("v1"), full.getEntityTag());
    assertEquals(URI.create("https://api.example.com/items"), full.getLocation());
    assertEquals(URI.create("https://api.example.com/items?page=2"),
        full.getLink("next").getUri());
    assertEquals("abc", full.getCookies().get("session").getValue());
  }

  @Test
  void isOutboundOnly() {
    PreflightAnswer answer = allowed();
    assertThrows(IllegalStateException.class, () -> answer.readEntity(String.class));
    answer.close();
    assertThrows(IllegalStateException.class, answer::hasEntity);
    assertThrows(IllegalStateException.class, answer::bufferEntity);
  }

  /** What Jersey's response context holds: the answer's fields, as response filters left them. */
  private static MultivaluedMap<String, Object> asJersey(PreflightAnswer answer) {
    return OutboundJaxrsResponse.from(answer, null).getContext().getHeaders();
  }

  @Test
  void grantsAreRestoredWhateverFiltersDidAndOnlyThen() {
    PreflightAnswer same = allowed();
    assertEquals(0, same.restoreGrants(asJersey(same)));

    PreflightAnswer answer = allowed();
    MultivaluedMap<String, Object> headers = asJersey(answer);
    headers.add(CorsHeaders.ALLOW_ORIGIN, "*");
    headers.putSingle(CorsHeaders.ALLOW_METHODS, "DELETE");
    headers.putSingle(CorsHeaders.VARY, "Accept-Encoding");
    assertEquals("access-control-allow-origin, access-control-allow-methods",
        PreflightAnswer.fieldNames(answer.restoreGrants(headers)),
        "every field changed, for the warning");
    assertEquals(List.of("https://app.example.com"), headers.get(CorsHeaders.ALLOW_ORIGIN));
    assertNull(headers.get(CorsHeaders.ALLOW_METHODS), "the answer has none");
    assertEquals(List.of("Accept-Encoding, " + CorsHeaders.PREFLIGHT_VARY),
        headers.get(CorsHeaders.VARY));
  }

  @Test
  void grantFieldsAreKnownInAnyCase() {
    PreflightAnswer answer = new PreflightAnswer(Response.Status.NO_CONTENT)
        .header("access-control-allow-origin", "https://app.example.com")
        .header(CorsHeaders.VARY, CorsHeaders.PREFLIGHT_VARY);
    MultivaluedMap<String, Object> headers = asJersey(answer);
    assertEquals(0, answer.restoreGrants(headers));
    assertEquals(List.of("https://app.example.com"), headers.get(CorsHeaders.ALLOW_ORIGIN));
  }

  /** Jersey's map takes a null list: the field is then as good as absent, and put back. */
  @Test
  void aFieldSetToNullIsPutBack() {
    PreflightAnswer answer = allowed();
    MultivaluedMap<String, Object> headers = asJersey(answer);
    headers.put(CorsHeaders.ALLOW_ORIGIN, null);
    headers.put(CorsHeaders.VARY, null);
    assertEquals("access-control-allow-origin",
        PreflightAnswer.fieldNames(answer.restoreGrants(headers)));
    assertEquals(List.of("https://app.example.com"), headers.get(CorsHeaders.ALLOW_ORIGIN));
    assertEquals(CorsHeaders.PREFLIGHT_VARY, String.join(", ",
        headers.get(CorsHeaders.VARY).stream().map(String::valueOf).toList()));
  }

  /** Jersey shares this answer's value lists, so a change in place is one to look for too. */
  @Test
  void aValueChangedInPlaceIsPutBack() {
    PreflightAnswer answer = allowed();
    MultivaluedMap<String, Object> headers = asJersey(answer);
    headers.get(CorsHeaders.ALLOW_ORIGIN).set(0, "*");
    assertEquals("access-control-allow-origin",
        PreflightAnswer.fieldNames(answer.restoreGrants(headers)));
    assertEquals(List.of("https://app.example.com"), headers.get(CorsHeaders.ALLOW_ORIGIN));

    PreflightAnswer again = allowed();
    MultivaluedMap<String, Object> vary = asJersey(again);
    vary.get(CorsHeaders.VARY).set(0, "Accept-Encoding");
    assertEquals(0, again.restoreGrants(vary), "no grant was touched");
    assertEquals(List.of("Accept-Encoding, " + CorsHeaders.PREFLIGHT_VARY),
        vary.get(CorsHeaders.VARY));
  }

  /**
   * Most applications have no response filter that touches a preflight answer: the guard then
   * tells so from the keys and lists the answer put, with none of the case-insensitive look-ups
   * that restoring costs. A list replaced by an equal one is looked up, and is still the answer's.
   */
  @Test
  void anUntouchedAnswerIsToldWithoutLookUps() {
    PreflightAnswer answer = allowed().header(CorsHeaders.ALLOW_CREDENTIALS, "true");
    int[] lookUps = new int[1];
    MultivaluedMap<String, Object> headers = counting(asJersey(answer), lookUps);
    assertEquals(0, answer.restoreGrants(headers));
    assertEquals(0, lookUps[0]);

    headers.put(CorsHeaders.ALLOW_ORIGIN, new ArrayList<>(List.of("https://app.example.com")));
    assertEquals(0, answer.restoreGrants(headers));
    assertTrue(lookUps[0] > 0);
  }

  /** {@code map}, counting in {@code lookUps[0]} the calls that look a field up by name. */
  @SuppressWarnings("unchecked")
  private static MultivaluedMap<String, Object> counting(MultivaluedMap<String, Object> map,
      int[] lookUps) {
    return (MultivaluedMap<String, Object>) Proxy.newProxyInstance(
        MultivaluedMap.class.getClassLoader(), new Class<?>[] {MultivaluedMap.class},
        (proxy, method, args) -> {
          if (Set.of("get", "getFirst", "containsKey", "remove").contains(method.getName())) {
            lookUps[0]++;
          }
          try {
            return method.invoke(map, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
