package org.corsgen.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.corsgen.runtime.spi.OriginSyntax.Invalid;
import org.corsgen.runtime.spi.OriginSyntax.Problem;
import org.junit.jupiter.api.Test;

class OriginSyntaxTest {

  private static Invalid invalid(String entry) {
    return (Invalid) OriginSyntax.parse(entry);
  }

  @Test
  void serializedOriginsArePassedThrough() {
    for (String origin : new String[] {"https://app.example.com", "http://localhost:3000",
        "http://127.0.0.1:8081", "http://[::1]:8080", "https://xn--bcher-kva.example"}) {
      assertEquals(new OriginSyntax.Exact(origin), OriginSyntax.parse(origin));
    }
  }

  @Test
  void patternsSplitIntoSchemeAndSuffix() {
    assertEquals(new OriginSyntax.Pattern("https://", ".example.com"),
        OriginSyntax.parse("https://*.example.com"));
    assertEquals(new OriginSyntax.Pattern("http://", ".localhost:8081"),
        OriginSyntax.parse("http://*.localhost:8081"));
    assertEquals("example.com",
        ((OriginSyntax.Pattern) OriginSyntax.parse("https://*.example.com:8443")).parentHost());
  }

  @Test
  void malformedOriginsSayWhyAndHowToFixThem() {
    assertEquals(new Invalid(Problem.MALFORMED, "it ends with a slash",
        Optional.of("https://app.example.com")), invalid("https://App.example.com/"));
    assertEquals(new Invalid(Problem.MALFORMED, "the host has upper-case letters",
        Optional.of("https://app.example.com")), invalid("https://APP.example.com"));
    assertEquals(new Invalid(Problem.MALFORMED, "it spells out the default port 443",
        Optional.of("https://a.com")), invalid("https://a.com:443"));
    assertEquals(new Invalid(Problem.NOT_PUNYCODE, "",
        Optional.of("https://xn--bcher-kva.example")), invalid("https://bücher.example"));
    assertEquals(new Invalid(Problem.MALFORMED, "\"70000\" is not a port from 1 to 65535",
        Optional.empty()), invalid("https://a.com:70000"));
    assertEquals(new Invalid(Problem.MALFORMED, "it has user information before the host",
        Optional.of("https://a.com")), invalid("https://u@a.com"));
    assertEquals(new Invalid(Problem.MALFORMED, "it has a query", Optional.of("https://a.com")),
        invalid("https://a.com?x"));
  }

  @Test
  void otherProblemsAreNamed() {
    assertEquals(Problem.BLANK, invalid(" ").problem());
    assertEquals(Problem.NULL, invalid("null").problem());
    assertEquals(Problem.FILE_SCHEME, invalid("file:///etc").problem());
    assertEquals(new Invalid(Problem.NO_SCHEME, "", Optional.of("https://app.example.com")),
        invalid("app.example.com"));
    for (String wildcard : new String[] {"https://ex*.com", "https://example.*", "https://*",
        "https://*.*.example.com", "https://a.*.example.com"}) {
      assertEquals(Problem.BAD_WILDCARD, invalid(wildcard).problem(), wildcard);
    }
  }
}
