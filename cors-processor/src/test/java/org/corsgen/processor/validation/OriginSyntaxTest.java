package org.corsgen.processor.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.model.OriginPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The origin grammar, without a compiler. */
class OriginSyntaxTest {

  private static OriginSyntax.Invalid invalid(String entry) {
    OriginSyntax.Parsed parsed = OriginSyntax.parse(entry, false, true);
    assertTrue(parsed instanceof OriginSyntax.Invalid, () -> entry + " parsed as " + parsed);
    return (OriginSyntax.Invalid) parsed;
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://app.example.com", "http://localhost:3000",
      "https://[2001:db8::1]:8443", "https://192.0.2.7", "https://xn--bcher-kva.example",
      "chrome-extension://abcdefghijklmnop", "https://a-b_c.example.com:65535"})
  void serializedOriginIsExact(String entry) {
    assertEquals(new OriginSyntax.Exact(entry), OriginSyntax.parse(entry, false, true));
  }

  @Test
  void starIsAnyOrigin() {
    assertEquals(new OriginSyntax.AnyOrigin(), OriginSyntax.parse("*", false, true));
  }

  @Test
  void leadingWildcardLabelIsAPatternSplitAtTheStar() {
    assertEquals(new OriginSyntax.Pattern(new OriginPattern("https://", ".example.com:8443")),
        OriginSyntax.parse("https://*.example.com:8443", false, true));
  }

  @ParameterizedTest
  @CsvSource({
      "'', CorsOriginBlank",
      "' ', CorsOriginBlank",
      "null, CorsNullOrigin",
      "file:///tmp/a.html, CorsFileOrigin",
      "FILE://host/a.html, CorsFileOrigin",
      "wss://app.example.com, CorsOriginNotAPage",
      "ftp://files.example.com, CorsOriginNotAPage",
      "app.example.com, CorsOriginScheme",
      "https://app.example.com/, CorsOriginMalformed",
      "https://bücher.example, CorsOriginUnicode",
      "https://*.bücher.example, CorsOriginUnicode",
      "https://ex*.com, CorsOriginWildcard",
      "https://*.*.example.com, CorsOriginWildcard",
      "https://*.com, CorsPublicSuffixPattern",
      "https://*.github.io, CorsPublicSuffixPattern",
      "https://*.s3.amazonaws.com, CorsPublicSuffixPattern"})
  void invalidEntryGetsItsMessage(String entry, String tag) {
    assertEquals(tag, invalid(entry).message().tag());
  }

  @Test
  void punycodeMessageCarriesTheAsciiForm() {
    assertArrayEquals(
        new Object[] {"https://Bücher.example:8443", "https://xn--bcher-kva.example:8443"},
        invalid("https://Bücher.example:8443").args());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://App.Example.com:443/index.html | https://app.example.com",
      "HTTP://user:pw@a.example.com:80/?q#f  | http://a.example.com",
      "' https://a.example.com '              | https://a.example.com",
      "https://*.Example.com/                 | https://*.example.com"})
  void normalizeGivesTheFormABrowserSends(String entry, String serialized) {
    assertEquals(Optional.of(serialized), org.corsgen.runtime.spi.OriginSyntax.normalize(entry));
  }

  @Test
  void hostWhosePunycodeJavaAndBrowsersDisagreeOnGetsNoSuggestion() {
    OriginSyntax.Invalid invalid = invalid("https://faß.example");
    assertEquals(Message.ORIGIN_MALFORMED, invalid.message());
    assertArrayEquals(new Object[] {"https://faß.example",
        "browsers send a non-ASCII host in its punycode form, which only a browser can give for"
            + " this one: new URL(\"https://faß.example\").origin", ""}, invalid.args());
  }

  /**
   * Hosts whose punycode Java's IDNA 2003 and browsers' UTS #46 make differently, or that
   * browsers refuse (Chromium 156, new URL(...).origin): no fix rather than a wrong one.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "https://ᴬ.example", "https://ꭰ.example", "https://ᏸ.example",
      "https://ㅤ.example", "https://٣.example", "https://\u0300x.example", "https://a٣.example",
      "https://Ⰰ.example", "https://ẞ.example", "https://Ꙁ.example", "https://Ა.example",
      "https://Ⴀ.example", "https://ᲀ.example", "https://ᲈ.example",
      "https://\u00a0x.example", "https://\u2100x.example", "https://\u2488x.example"})
  void hostWhosePunycodeBrowsersMakeDifferentlyGetsNoSuggestion(String entry) {
    assertEquals(Optional.empty(), org.corsgen.runtime.spi.OriginSyntax.normalize(entry), entry);
    assertEquals(Message.ORIGIN_MALFORMED, invalid(entry).message(), entry);
  }

  /** What Chromium 156 sends for these, as new URL(...).origin gives it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://ⰰ.example          | https://xn--tej.example",
      "https://bücher.example     | https://xn--bcher-kva.example",
      "https://☃.example          | https://xn--n3h.example",
      "https://ｆｕｌｌ.example     | https://full.example",
      "https://مثال.example       | https://xn--mgbh0fb.example",
      "https://παράδειγμα.example | https://xn--hxajbheg2az3al.example",
      "https://Ꭰ.example          | https://xn--58d.example",
      "https://ᏣᎳᎩ.example        | https://xn--f9dt7l.example",
      "https://🅐.example          | https://xn--327h.example",
      "https://ა.example          | https://xn--lod.example",
      "https://kırmızı.example    | https://xn--krmz-lzacb.example",
      "https://例え。テスト          | https://xn--r8jz45g.xn--zckzah"})
  void hostWhosePunycodeBrowsersMakeAlikeGetsIt(String entry, String origin) {
    assertEquals(Optional.of(origin), org.corsgen.runtime.spi.OriginSyntax.normalize(entry));
  }

  @Test
  void malformedOriginWithoutAFixHasNoSuggestion() {
    OriginSyntax.Invalid invalid = invalid("https://a.example.com:99999");
    assertEquals(Message.ORIGIN_MALFORMED, invalid.message());
    assertEquals("", invalid.args()[2]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://app.example.com", "http://*.example.com", "http://10.0.0.1",
      "http://localhost.example.com", "http://127.0.0.1.example.com"})
  void plainHttpOffTheMachineIsCleartext(String entry) {
    assertTrue(OriginSyntax.isCleartext(OriginSyntax.parse(entry, false, true)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://app.example.com", "https://*.example.com", "*",
      "http://localhost", "http://localhost:8080", "http://app.localhost", "http://*.localhost",
      "http://127.0.0.1", "http://127.1.2.3:8080", "http://[::1]:3000"})
  void httpsAndLoopbackAreNotCleartext(String entry) {
    assertFalse(OriginSyntax.isCleartext(OriginSyntax.parse(entry, false, true)));
  }

  @Test
  void patternCoversItsSubdomainsOnly() {
    OriginPattern pattern = new OriginPattern("https://", ".example.com");
    assertTrue(OriginSyntax.covers(pattern, "https://a.example.com"));
    assertTrue(OriginSyntax.covers(pattern, "https://a.b.example.com"));
    assertFalse(OriginSyntax.covers(pattern, "https://example.com"));
    assertFalse(OriginSyntax.covers(pattern, "http://a.example.com"));
    assertFalse(OriginSyntax.covers(pattern, "https://a.example.com:8443"));
    assertFalse(OriginSyntax.covers(pattern, "https://evilexample.com"));
  }

  @Test
  void patternCoversNarrowerPatternsOnly() {
    OriginPattern outer = new OriginPattern("https://", ".example.com");
    assertTrue(OriginSyntax.covers(outer, new OriginPattern("https://", ".eu.example.com")));
    assertFalse(OriginSyntax.covers(outer, outer));
    assertFalse(OriginSyntax.covers(outer, new OriginPattern("http://", ".eu.example.com")));
    assertFalse(OriginSyntax.covers(outer, new OriginPattern("https://", ".example.com:8443")));
  }
}
