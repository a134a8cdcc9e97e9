package org.corsgen.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

  private static CorsPolicy allowing(String headers) {
    return CorsPolicy.builder("test").allowOriginsMatching("any", origin -> true)
        .allowHeaders(headers).build();
  }

  /** What start-up compares at a path several methods serve, as the processor compares them. */
  @Test
  void preflightAnswersAreComparedWithoutExposedHeadersOrTheDeclaration() {
    CorsPolicy policy = answering("https://a.example.com, https://b.example.com",
        "X-Token, Content-Type").exposeHeaders("X-A").build();
    CorsPolicy alike = CorsPolicy.builder("@Cors on B")
        .allowOrigins("https://b.example.com", "https://a.example.com")
        .allowHeaders("content-type, x-token").exposeHeaders("X-B").maxAge(600).build();
    assertTrue(policy.answersPreflightsLike(alike));
    assertTrue(alike.answersPreflightsLike(policy));

    String origins = "https://a.example.com, https://b.example.com";
    assertFalse(policy.answersPreflightsLike(answering(origins, "X-Token").build()));
    assertFalse(policy.answersPreflightsLike(
        answering(origins, "X-Token, Content-Type").maxAge(60).build()));
    assertFalse(policy.answersPreflightsLike(
        answering(origins, "X-Token, Content-Type").allowCredentials().build()));
    assertFalse(policy.answersPreflightsLike(
        answering("https://a.example.com", "X-Token, Content-Type").build()));
  }

  private static CorsPolicy.Builder answering(String origins, String headers) {
    return CorsPolicy.builder("@Cors on A").allowOrigins(origins.split(", "))
        .allowHeaders(headers).maxAge(600);
  }

  @Test
  void requestHeadersAreComparedIgnoringCaseAndSpaces() {
    CorsPolicy policy = allowing("Content-Type, X-Token");
    assertEquals(Optional.empty(), policy.firstRefusedHeader("content-type,x-token"));
    assertEquals(Optional.empty(), policy.firstRefusedHeader(" X-TOKEN ,\tContent-Type ,, "));
    assertEquals(Optional.empty(), policy.firstRefusedHeader(""));
    assertEquals(Optional.of("x-other"), policy.firstRefusedHeader("x-token, x-other"));
    assertEquals(Optional.of("x-tok"), policy.firstRefusedHeader("x-tok"));
  }

  @Test
  void headerNamesAreComparedIgnoringAsciiCaseOnly() {
    // Fetch compares header names byte-case-insensitively; Java's ignore-case comparison also
    // folds KELVIN SIGN (U+212A) to 'k' and DOTLESS I (U+0131) to 'I', which no header name has.
    CorsPolicy policy = allowing("X-Token");
    assertEquals(Optional.of("x-to\u212Aen"), policy.firstRefusedHeader("x-to\u212Aen"));
    assertEquals(Optional.of("author\u0131zation"),
        allowing("*").firstRefusedHeader("author\u0131zation"), "no token: refused, as any");
    assertEquals(Optional.of("AUTHORIZATION"), allowing("*").firstRefusedHeader("AUTHORIZATION"));
  }

  @Test
  void wildcardAllowsAnyHeaderButAuthorization() {
    CorsPolicy policy = allowing("*");
    assertEquals(Optional.empty(), policy.firstRefusedHeader("x-a,x-b"));
    assertEquals(Optional.of("Authorization"), policy.firstRefusedHeader("x-a, Authorization"));
    assertEquals(Optional.empty(),
        allowing("*, Authorization").firstRefusedHeader("x-a,authorization"));
  }

  /**
   * A preflight does not say whether its request carries credentials, so "*" beside credentials
   * would be answered as the wildcard to requests without them: refused, as the processor does.
   */
  @Test
  void wildcardHeadersBesideCredentialsAreRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CorsPolicy
        .builder("test").allowOrigins("https://a.example").allowHeaders("X-A, *")
        .allowCredentials().build());
    assertEquals("test: allowHeaders \"*\" cannot allow credentials; list the header names",
        e.getMessage());
  }

  /** Under credentials browsers read "*" as a header named "*": refused, as the processor does. */
  @Test
  void wildcardExposedHeadersBesideCredentialsAreRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CorsPolicy
        .builder("test").allowOrigins("https://a.example").exposeHeaders("X-A,*")
        .allowCredentials().build());
    assertEquals("test: exposeHeaders \"*\" cannot allow credentials; list the header names",
        e.getMessage());
  }

  @Test
  void wildcardRefusesItemsThatAreNoHeaderName() {
    // Access-Control-Request-Headers is 1#field-name: an item that is no token does not parse,
    // and a list that does not parse is refused. Empty items and spaces around items parse.
    CorsPolicy policy = allowing("*");
    assertEquals(Optional.empty(), policy.firstRefusedHeader(" x-a ,,\tx_b!,"));
    // "*" is a token, but no header is named so, and it would be answered as the wildcard.
    assertEquals(Optional.of("*"), policy.firstRefusedHeader("x-a, *"));
    assertEquals(Optional.of("*"), allowing("X-A").firstRefusedHeader("*"));
    for (String item : List.of("x?", "x[1]", "x y", "x;y", "x:y", "\"x\"", "x@y", "x/y",
        "x\u00e9", "x\u0080", "x\u0001")) {
      assertEquals(Optional.of(item), policy.firstRefusedHeader("x-a, " + item + ", x-b"), item);
    }
  }

  @Test
  void longHeaderListsAreCheckedInLinearTime() {
    CorsPolicy policy = allowing("X-Token");
    String names = "x-token,".repeat(200_000);
    assertEquals(Optional.empty(), policy.firstRefusedHeader(names));
    assertEquals(Optional.of("x-nope"), policy.firstRefusedHeader(names + "x-nope"));
  }

  @Test
  void anyOriginWithCredentialsCannotBeBuilt() {
    assertThrows(IllegalStateException.class,
        () -> CorsPolicy.builder("test").allowAnyOrigin().allowCredentials().build());
    assertThrows(IllegalStateException.class, () -> CorsPolicy.builder("test").build());
  }

  @Test
  void maxAgeIsSentAsWrittenAndCannotBeNegative() {
    CorsPolicy.Builder builder = CorsPolicy.builder("test").allowAnyOrigin();
    assertEquals("600", builder.maxAge(600).build().maxAge());
    assertEquals("0", builder.maxAge(0).build().maxAge());
    assertEquals("", CorsPolicy.builder("test").allowAnyOrigin().build().maxAge());
    assertThrows(IllegalArgumentException.class, () -> builder.maxAge(-1));
  }

  @Test
  void policyExceedsAnotherThatAllowsFewerHeadersOrNoCredentials() {
    CorsPolicy tokenAndType = allowing("Content-Type, X-Token");
    CorsPolicy type = allowing("content-type");
    CorsPolicy any = allowing("*");
    CorsPolicy credentialed = CorsPolicy.builder("test").allowOriginsMatching("any", origin -> true)
        .allowHeaders("Content-Type").allowCredentials().build();
    assertTrue(tokenAndType.exceeds(type));
    assertFalse(type.exceeds(tokenAndType));
    assertFalse(tokenAndType.exceeds(any));
    assertTrue(any.exceeds(tokenAndType));
    assertTrue(credentialed.exceeds(type));
    assertFalse(type.exceeds(credentialed));
  }
}
