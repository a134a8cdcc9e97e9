package org.corsgen.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
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

  /**
   * The one-pass check of a request's Origin says yes only where the parser reads the same
   * exact origin, and takes the usual origins without the parser; the parser decides the rest.
   */
  @Test
  void theOnePassCheckAgreesWithTheParser() {
    for (String usual : new String[] {"https://app.example.com", "http://localhost:3000",
        "https://xn--bcher-kva.example", "chrome-extension://abcdefghijklmnop",
        "https://a_b.example:65535", "http://x.localhost:8081"}) {
      assertTrue(OriginSyntax.isPlainOrigin(usual), usual);
    }
    for (String unusual : new String[] {"http://127.0.0.1:8081", "http://[::1]:8080"}) {
      assertFalse(OriginSyntax.isPlainOrigin(unusual), unusual);
      assertTrue(OriginSyntax.isSerializedOrigin(unusual), unusual);
    }
    String[] parts = {"http", "https", "file", "ws", "wss", "ftp", "data", "x+y", "A", "://",
        ":", "//", ".", "..", "a", "z", "0", "1", "9", "00", "0x1f", "-", "_", "*", "example",
        "com", "localhost", "80", "443", "8080", "65535", "65536", "10080", "1", "[", "]", "::1",
        "@", "/", "?", "#", "%", " ", ",", "\u00e9", "xn--", "1.2.3.4", "B"};
    Random random = new Random(7);
    int plain = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder entry = new StringBuilder();
      if (random.nextInt(3) > 0) {
        entry.append(random.nextBoolean() ? "https://" : "http://");
      }
      for (int n = 1 + random.nextInt(7); n > 0; n--) {
        entry.append(parts[random.nextInt(parts.length)]);
      }
      String origin = entry.toString();
      boolean parsed = OriginSyntax.parse(origin) instanceof OriginSyntax.Exact exact
          && exact.origin().equals(origin);
      if (OriginSyntax.isPlainOrigin(origin)) {
        plain++;
        assertTrue(parsed, () -> "one pass took " + origin + ", the parser did not");
      }
      assertEquals(parsed, OriginSyntax.isSerializedOrigin(origin), origin);
    }
    assertTrue(plain > 500, "generated plain origins: " + plain);
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

  /**
   * Browsers parse a host that ends in a number as an IPv4 address and serialize IP addresses in
   * one form (URL standard, host serializer): any other spelling never equals their Origin.
   */
  /**
   * Browsers read a backslash in an http(s) URL as a slash and percent-decode a host before
   * mapping it to ASCII: such entries are named for what they are and fixed to what is sent.
   */
  @Test
  void backslashesAndPercentEscapesAreReadAsBrowsersReadThem() {
    assertEquals(new Invalid(Problem.MALFORMED,
        "it has a backslash, which browsers read as a slash: the start of a path",
        Optional.of("https://a.example.com")), invalid("https://a.example.com\\"));
    assertEquals(new Invalid(Problem.MALFORMED,
        "it has a backslash, which browsers read as a slash: the start of a path",
        Optional.of("https://a.example.com")), invalid("https://a.example.com\\path"));
    String percent = "the host has a percent-escape, which browsers decode before sending it";
    assertEquals(new Invalid(Problem.MALFORMED, percent, Optional.of("https://app.example.com")),
        invalid("https://app%2Eexample.com"));
    assertEquals(new Invalid(Problem.MALFORMED, percent,
        Optional.of("https://xn--bcher-kva.example")), invalid("https://b%C3%BCcher.example"));
    assertEquals(new Invalid(Problem.MALFORMED, percent, Optional.empty()),
        invalid("https://app%2.example.com"), "no fix for an escape that is none");
    assertEquals(new Invalid(Problem.MALFORMED, percent, Optional.empty()),
        invalid("https://app%FF.example.com"), "nor for bytes that are no UTF-8");
    assertEquals(Optional.empty(), invalid("https://app.example.com%3A8080").fix(),
        "an escaped colon is no port");
    assertEquals(Optional.empty(), invalid("https://a%C3%9F.example").fix(),
        "IDN maps \u00df otherwise than browsers");
    // Outside http(s) and Chromium's extensions a backslash is no slash: browsers refuse it.
    assertEquals(Optional.empty(), invalid("moz-extension://abc\\x").fix());
  }

  /** A fully qualified loopback name is loopback: browsers take it as a secure context. */
  @Test
  void aTrailingDotKeepsLoopbackLoopback() {
    assertFalse(OriginSyntax.isCleartext(new OriginSyntax.Exact("http://localhost.:3000")));
    assertTrue(OriginSyntax.isCleartext(new OriginSyntax.Exact("http://intranet.:3000")));
    assertEquals(Optional.of("https://app.example.com."), invalid("https://APP.example.com.").fix(),
        "the fix keeps the dot, as browsers send it");
  }

  @Test
  void ipAddressesMustBeWrittenAsBrowsersSerializeThem() {
    assertEquals(new Invalid(Problem.MALFORMED,
        "browsers write the IPv4 address 127.1 as 127.0.0.1",
        Optional.of("http://127.0.0.1:3000")), invalid("http://127.1:3000"));
    assertEquals(Optional.of("http://127.0.0.1"), invalid("http://0x7f.0.0.1").fix());
    assertEquals(Optional.of("http://8.0.0.1"), invalid("http://010.0.0.1").fix());
    assertEquals(Optional.of("https://0.0.0.123"), invalid("https://123").fix());
    assertEquals(new Invalid(Problem.MALFORMED, "browsers write the IPv6 address"
        + " [0:0:0:0:0:0:0:1] as [::1]", Optional.of("http://[::1]:8080")),
        invalid("http://[0:0:0:0:0:0:0:1]:8080"));
    assertEquals(Optional.of("http://[::ffff:7f00:1]"),
        invalid("http://[::ffff:127.0.0.1]").fix());
    assertEquals(Optional.of("http://[2001:db8::1:0:0:1]"),
        invalid("http://[2001:0db8:0:0:1:0:0:1]").fix());
    for (String never : new String[] {"http://1.2.3.256", "http://1.2.3.4.5", "http://08.0.0.1",
        "https://*.1.2.3", "http://[1::2::3]", "http://[1:2:3:4:5:6:7:8:9]", "http://[12345::]"}) {
      assertEquals(Problem.MALFORMED, invalid(never).problem(), never);
    }
    for (String serialized : new String[] {"http://[2001:db8::1]", "http://[1:0:2:0:3:0:4:0]",
        "http://[1:0:2::3:0:4]", "http://[::]", "http://[1::]", "https://10.0.0.1:8443",
        "https://a1.example.com", "http://127.0.0.1.example.com"}) {
      assertEquals(new OriginSyntax.Exact(serialized), OriginSyntax.parse(serialized), serialized);
    }
  }

  /** A page opens ws://host; the page itself usually comes from http://host. */
  @Test
  void webSocketUrlsAreNeverAPageAndSuggestTheHttpOrigin() {
    assertEquals(new Invalid(Problem.NOT_A_PAGE, "a WebSocket URL is what a page connects to;"
        + " its Origin is the http(s) origin the page was loaded from",
        Optional.of("https://app.example.com")), invalid("wss://app.example.com"));
    assertEquals(Optional.of("http://localhost:8080"), invalid("ws://localhost:8080").fix());
    assertEquals(Optional.of("https://app.example.com"), invalid("WSS://App.example.com:443").fix());
    assertEquals(Problem.NOT_A_PAGE, invalid("wss://*.example.com").problem());
  }

  /** Fetch's port blocking: a browser loads no page from these ports, 6000 (X11) say. */
  @Test
  void originsOnBadPortsAreNeverAPage() {
    assertEquals(new Invalid(Problem.NOT_A_PAGE,
        "port 6000 is one of Fetch's bad ports, from which browsers load nothing",
        Optional.empty()), invalid("https://app.example.com:6000"));
    for (String entry : new String[] {"http://localhost:6667", "http://[::1]:22",
        "http://10.0.0.1:10080", "https://*.example.com:5060", "http://127.0.0.1:1"}) {
      assertEquals(Problem.NOT_A_PAGE, invalid(entry).problem(), entry);
    }
    // Their neighbours are ordinary ports.
    for (String entry : new String[] {"https://app.example.com:6001", "http://localhost:6664",
        "http://localhost:10081", "http://localhost:2"}) {
      assertEquals(new OriginSyntax.Exact(entry), OriginSyntax.parse(entry), entry);
    }
    // A spelling that is wrong anyway gets no fix that is refused next.
    assertEquals(Optional.empty(), invalid("https://App.example.com:6000").fix());
    // Nor is a non-ASCII host told that only a browser knows its form, when the port is the cause.
    assertEquals(new Invalid(Problem.NOT_A_PAGE,
        "port 6000 is one of Fetch's bad ports, from which browsers load nothing",
        Optional.empty()), invalid("https://b\u00fccher.example:6000"));
    assertEquals("\"99999\" is not a port from 1 to 65535",
        invalid("https://b\u00fccher.example:99999").detail());
    assertEquals("the host \"b\u00fccher..example\" has an empty label",
        invalid("https://b\u00fccher..example").detail());
  }

  @Test
  void aWildcardWithWhiteSpaceAroundIsNamed() {
    assertEquals(new Invalid(Problem.MALFORMED, "it has white space around the \"*\"",
        Optional.of("*")), invalid(" * "));
  }

  @Test
  void otherProblemsAreNamed() {
    assertEquals(Problem.BLANK, invalid(" ").problem());
    assertEquals(Problem.NULL, invalid("null").problem());
    assertEquals(Problem.FILE_SCHEME, invalid("file:///etc").problem());
    assertEquals(Problem.NOT_A_PAGE, invalid("ftp://files.example.com").problem());
    assertEquals(Optional.empty(), invalid("ftp://files.example.com").fix());
    assertEquals(new Invalid(Problem.NO_SCHEME, "", Optional.of("https://app.example.com")),
        invalid("app.example.com"));
    for (String wildcard : new String[] {"https://ex*.com", "https://example.*", "https://*",
        "https://*.*.example.com", "https://a.*.example.com"}) {
      assertEquals(Problem.BAD_WILDCARD, invalid(wildcard).problem(), wildcard);
    }
  }

  /**
   * A fix is offered only when it is itself an origin a browser sends; plain http for a loopback
   * host, a development server's.
   */
  @Test
  void entriesWithoutSchemeGetOnlyAValidFix() {
    assertEquals(Optional.of("https://app.example.com:8443"),
        invalid("app.example.com:8443").fix());
    assertEquals(Optional.of("http://localhost:3000"), invalid("localhost:3000").fix());
    assertEquals(Optional.of("http://127.0.0.1:5173"), invalid("127.0.0.1:5173").fix());
    assertEquals(Optional.of("http://app.localhost"), invalid("App.localhost").fix());
    assertEquals(Optional.of("http://[::1]:8080"), invalid("[::1]:8080").fix());
    assertEquals(Optional.empty(), invalid("a..example.com").fix());
    assertEquals(Optional.empty(), invalid("<error>").fix());
    assertEquals(Problem.NULL, invalid("NULL").problem());
  }

  /**
   * An http(s) scheme whose "://" lost a slash or the colon is mistyped, not missing: the fix
   * keeps it, where "https://" before the entry would make "https://https", a valid origin that
   * never matches.
   */
  @Test
  void aMistypedSeparatorIsNamedAndFixedKeepingTheScheme() {
    assertEquals(new Invalid(Problem.MALFORMED, "\"://\" does not follow its scheme",
        Optional.of("https://app.example.com")), invalid("https:/app.example.com"));
    assertEquals(Optional.of("https://app.example.com"), invalid("https//app.example.com").fix());
    assertEquals(Optional.of("https://app.example.com"), invalid("HTTPS:App.example.com").fix());
    assertEquals(Optional.of("http://localhost:3000"), invalid("http:/localhost:3000").fix());
    assertEquals(Optional.of("http://127.0.0.1:8080"), invalid("http:/127.0.0.1:8080").fix());
    assertEquals(Optional.of("https://10.0.0.5"), invalid("https//10.0.0.5").fix());
    assertEquals(Optional.empty(), invalid("https:").fix());
    assertEquals(Optional.empty(), invalid("https//").fix());
    // A scheme with a port has lost its host, not its scheme: no "https://https:8443".
    assertEquals(new Invalid(Problem.MALFORMED, "it has no host", Optional.empty()),
        invalid("https:8443"));
    assertEquals(Optional.empty(), invalid("http:3000").fix());
  }

  /** Text that is no host gets no fix: "https://" before it would parse as user information. */
  @Test
  void anEntryThatIsNoHostGetsNoFix() {
    for (String entry : new String[] {"[Ljava.lang.String;@133314b", "$APP_ORIGINS",
        "user@app.example.com", "app.example.com/path"}) {
      assertEquals(Problem.NO_SCHEME, invalid(entry).problem(), entry);
    }
    assertEquals(Optional.empty(), invalid("[Ljava.lang.String;@133314b").fix());
    assertEquals(Optional.empty(), invalid("$APP_ORIGINS").fix());
    assertEquals(Optional.empty(), invalid("app.example.com/path").fix());
    assertEquals(Optional.of("https://app.example.com"), invalid("App.example.com/").fix());
    assertEquals(Optional.of("https://xn--bcher-kva.example"), invalid("bücher.example").fix());
  }

  /** data:, about:, javascript:, mailto: and blob: URLs say why no browser sends them. */
  @Test
  void urlsWithoutAHostAreNeverAPage() {
    assertEquals(new Invalid(Problem.NOT_A_PAGE, "a data: URL's page has an opaque origin, which"
        + " browsers send as \"null\"", Optional.empty()), invalid("data:text/html,hi"));
    for (String entry : new String[] {"about:blank", "javascript:void(0)", "mailto:x@example.com",
        "tel:+15551234", "JavaScript:alert(1)"}) {
      assertEquals(Problem.NOT_A_PAGE, invalid(entry).problem(), entry);
      assertEquals(Optional.empty(), invalid(entry).fix(), entry);
    }
    assertEquals(new Invalid(Problem.NO_SCHEME, "", Optional.of("https://data:8080")),
        invalid("data:8080"), "a host named data, with a port");
    assertEquals(Problem.NO_SCHEME, invalid("blob:8080").problem());
    assertEquals(new Invalid(Problem.NOT_A_PAGE, "a blob: URL's page has the origin written inside"
        + " it, which is what browsers send", Optional.of("https://app.example.com")),
        invalid("blob:https://app.example.com/5c1e0a2e-91d8-4d0b-a0f4-1f6bde6b2d57"));
  }

  @Test
  void severalOriginsInOneStringAreNamedSo() {
    for (String joined : new String[] {"https://a.example.com,https://b.example.com",
        "https://a.example.com, https://b.example.com", "https://a.example.com https://b.example.com",
        "https://a.example.com;https://b.example.com", "https://a.example.com | https://b.example.com"}) {
      String[] items = joined.split("[,;|\\s]+");
      assertEquals(new Invalid(Problem.JOINED, "it holds 2 origins in one string",
          Optional.of("{\"" + items[0] + "\", \"" + items[1] + "\"}")), invalid(joined), joined);
    }
  }

  @Test
  void joinedOriginsAreListedCorrectedOrNotAtAll() {
    assertEquals(Optional.of("{\"https://a.example.com\", \"https://*.b.example.com\"}"),
        invalid("https://A.example.com/, https://*.b.example.com").fix());
    assertEquals(Optional.of("{\"https://a.example.com\", \"https://b.example.com\"}"),
        invalid("a.example.com,b.example.com").fix(), "no scheme: https is offered");
    assertEquals(Optional.of("{\"https://a.example.com\", \"https://b.example.com\"}"),
        invalid("a.example.com;b.example.com").fix());
    assertEquals(Optional.empty(), invalid("https://a.example.com, *").fix());
    assertEquals(Optional.empty(), invalid("https://a.example.com, https://a..b").fix());
  }

  @Test
  void portsThatAreEmptyOrPartlyWildcardsAreNamedSo() {
    assertEquals(new Invalid(Problem.MALFORMED, "it has a colon but no port",
        Optional.of("https://a.example.com")), invalid("https://a.example.com:"));
    for (String port : new String[] {"80*", "*0", "**", "*-*"}) {
      assertEquals(new Invalid(Problem.MALFORMED, "a port wildcard is \":*\" alone, for any"
          + " port; list particular ports as origins of their own", Optional.empty()),
          invalid("http://localhost:" + port), port);
    }
    assertEquals(Problem.MALFORMED, invalid("chrome-extension://abc:*").problem());
    assertEquals("a port wildcard is only for http and https origins",
        invalid("chrome-extension://abc:*").detail());
  }

  @Test
  void aPortWildcardIsAPatternOverTheHostOrItsSubdomains() {
    assertEquals(new OriginSyntax.Pattern("http://", "localhost", true),
        OriginSyntax.parse("http://localhost:*"));
    assertEquals(new OriginSyntax.Pattern("http://", "[::1]", true),
        OriginSyntax.parse("http://[::1]:*"));
    assertEquals(new OriginSyntax.Pattern("http://", "127.0.0.1", true),
        OriginSyntax.parse("http://127.0.0.1:*"));
    assertEquals(new OriginSyntax.Pattern("https://", ".example.com", true),
        OriginSyntax.parse("https://*.example.com:*"));
    assertEquals("https://*.example.com:*", OriginSyntax.parse("https://*.example.com:*")
        .toString());
    assertEquals("http://localhost:*", OriginSyntax.parse("http://localhost:*").toString());
    OriginSyntax.Pattern host = (OriginSyntax.Pattern) OriginSyntax.parse("https://com:*");
    assertEquals("com", host.parentHost());
    assertEquals(false, host.overTopLevelName(), "a host, not the names under it");
  }

  @Test
  void aPortWildcardIsCheckedAsTheOriginItStandsFor() {
    assertEquals(new Invalid(Problem.MALFORMED, "the host has upper-case letters",
        Optional.of("http://localhost:*")), invalid("http://LocalHost:*"));
    assertEquals(new Invalid(Problem.MALFORMED, "it ends with a slash",
        Optional.of("http://localhost:*")), invalid("http://localhost:*/"));
    assertEquals(new Invalid(Problem.NO_SCHEME, "", Optional.of("http://localhost:*")),
        invalid("localhost:*"));
    assertEquals(new Invalid(Problem.NOT_PUNYCODE, "",
        Optional.of("https://xn--bcher-kva.example:*")), invalid("https://bücher.example:*"));
    assertEquals(Problem.BAD_WILDCARD, invalid("https://*:*").problem());
    assertEquals(Problem.BAD_WILDCARD, invalid("https://a.*.example.com:*").problem());
    for (String twoPorts : new String[] {"https://a.example.com:8080:*", "http://localhost:*:*",
        "https://*.example.com:8443:*", "http://localhost:8080:80"}) {
      assertEquals(Problem.MALFORMED, invalid(twoPorts).problem(), twoPorts);
      assertEquals("it has more than one port", invalid(twoPorts).detail(), twoPorts);
    }
    assertEquals(new Invalid(Problem.MALFORMED, "\"*,\" is not a port from 1 to 65535",
        Optional.empty()), invalid("http://localhost:*,"));
    assertEquals(new Invalid(Problem.MALFORMED, "\"*x\" is not a port from 1 to 65535",
        Optional.empty()), invalid("http://localhost:*x"));
    for (String anyOrigin : new String[] {"*:*", "*://*", "*://*:*", " *:* "}) {
      assertEquals(new Invalid(Problem.MALFORMED, "it means any origin, which is \"*\" alone",
          Optional.of("*")), invalid(anyOrigin), anyOrigin);
    }
    assertEquals(new Invalid(Problem.MALFORMED, "an IPv6 address is written in brackets, as"
        + " [::1]", Optional.empty()), invalid("http://0:0:0:0:0:0:0:1"));
    assertEquals("an IPv6 address is written in brackets, as [::1]", invalid("http://::1")
        .detail());
    assertEquals("it has more than one port", invalid("http://localhost:1:2:3").detail());
    assertEquals(Problem.NOT_A_PAGE, invalid("ws://localhost:*").problem());
    assertEquals(Optional.of("http://localhost:*"), invalid("ws://localhost:*").fix());
  }

  @Test
  void aPortWildcardOverPlainHttpIsCleartextUnlessOnLoopback() {
    assertEquals(false, OriginSyntax.isCleartext(OriginSyntax.parse("http://localhost:*")));
    assertEquals(false, OriginSyntax.isCleartext(OriginSyntax.parse("http://[::1]:*")));
    assertEquals(false, OriginSyntax.isCleartext(OriginSyntax.parse("http://127.0.0.1:*")));
    assertEquals(false, OriginSyntax.isCleartext(OriginSyntax.parse("http://*.localhost:*")));
    assertEquals(true, OriginSyntax.isCleartext(OriginSyntax.parse("http://dev.example.com:*")));
    assertEquals(true, OriginSyntax.isCleartext(OriginSyntax.parse("http://*.example.com:*")));
    assertEquals(false, OriginSyntax.isCleartext(OriginSyntax.parse("https://example.com:*")));
  }
}
