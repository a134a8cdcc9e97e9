package org.corsgen.sample.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.corsgen.runtime.spi.OriginSyntax;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

/**
 * corsgen accepts an origin only as a browser serializes it, and otherwise suggests that form:
 * checked against Chromium's own serialization ({@code new URL(spelling).origin}), not against
 * a reading of the URL standard.
 */
@ExtendWith(Chromium.SkipWhenMissing.class)
class OriginSpellingTest {

  /** Spellings whose serialization a hand-written parser is likely to get wrong. */
  private static final List<String> SPELLINGS = List.of(
      "https://app.example.com",
      "https://App.Example.COM",
      "HTTPS://app.example.com",
      "https://app.example.com:443",
      "http://app.example.com:80",
      "https://app.example.com:8443",
      "https://app.example.com:080",
      "https://app.example.com:0443",
      "https://app.example.com/",
      "https://me:secret@app.example.com/x?q#f",
      "https://b\u00fccher.example",
      "https://xn--bcher-kva.example",
      "http://127.0.0.1:3000",
      "http://127.1:3000",
      "http://0x7f.0.0.1",
      "http://2130706433",
      "http://1.2.3.4.",
      "http://[::1]:8080",
      "http://[0:0:0:0:0:0:0:1]",
      "http://[::FFFF:1.2.3.4]",
      "http://[2001:db8:0:0:1:0:0:1]",
      "https://a_b.example.com",
      "https://app.example.com.",
      "https://\u2c30.example",
      "https://\u2603.example",
      "https://\uff46\uff55\uff4c\uff4c.example",
      "https://\u0645\u062b\u0627\u0644.example",
      "https://\u03c0\u03b1\u03c1\u03ac\u03b4\u03b5\u03b9\u03b3\u03bc\u03b1.example",
      "https://\u10d0.example",
      "https://\u13a0.example",
      "https://\ud83c\udd50.example",
      "https://xn--vxaejmc7c.gr",
      "https://xn--zz.example",
      "http://localhost.:3000",
      "https://APP.example.com.");

  /**
   * Hosts that Java's IDNA 2003 converts otherwise than browsers' UTS #46, or that browsers
   * refuse: corsgen must then offer no fix rather than a wrong one (Glagolitic, Georgian,
   * Cyrillic and Latin capitals newer than Unicode 3.2 or with newer lower cases, a modifier
   * letter, Cherokee, a Cyrillic letter variant that case folding maps, a leading combining mark,
   * an Arabic digit alone, final sigma, and percent-escapes that decode to such a letter, a
   * joiner, a port's colon or from digits of another script).
   */
  private static final List<String> UNCONVERTIBLE = List.of(
      "https://\u2c00.example",
      "https://\u10a0.example",
      "https://\u1c90.example",
      "https://\ua640.example",
      "https://\u1e9e.example",
      "https://\u1c80.example",
      "https://\u1d2c.example",
      "https://\uab70.example",
      "https://\u0300x.example",
      "https://\u0663.example",
      "https://\u03ba\u03cc\u03c3\u03bc\u03bf\u03c2.gr",
      "https://a%C3%9F.example",
      "https://%CF%82.example",
      "https://app.example.com%3A8080",
      "https://a%\uff14\uff11.example",
      "https://a%E2%80%8Dx.example");

  private static Chromium chromium;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void acceptedOriginsAndSuggestedFixesAreWhatChromiumSerializes() {
    @SuppressWarnings("unchecked")
    List<String> serialized = (List<String>) ((JavascriptExecutor) chromium.driver())
        .executeScript("return arguments[0].map(s => new URL(s).origin);", SPELLINGS);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < SPELLINGS.size(); i++) {
      String spelling = SPELLINGS.get(i);
      String origin = serialized.get(i);
      OriginSyntax.Entry entry = OriginSyntax.parse(spelling);
      if (entry instanceof OriginSyntax.Exact exact) {
        if (!exact.origin().equals(origin)) {
          wrong.add(spelling + ": accepted as " + exact.origin() + ", Chromium sends " + origin);
        }
      } else if (entry instanceof OriginSyntax.Invalid invalid) {
        if (!invalid.fix().orElse("(no fix)").equals(origin)) {
          wrong.add(spelling + ": refused (" + invalid.detail() + ") with fix "
              + invalid.fix().orElse("(none)") + ", Chromium sends " + origin);
        }
      } else {
        wrong.add(spelling + ": read as " + entry);
      }
      if (!(OriginSyntax.parse(origin) instanceof OriginSyntax.Exact)) {
        wrong.add(origin + ", as Chromium serializes it, is refused: " + OriginSyntax.parse(origin));
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertEquals(SPELLINGS.size(), serialized.size());
  }

  @Test
  void hostsWhosePunycodeCorsgenCannotTellGetNoFixAndChromiumsFormIsAccepted() {
    @SuppressWarnings("unchecked")
    List<String> serialized = (List<String>) ((JavascriptExecutor) chromium.driver())
        .executeScript("return arguments[0].map(s => { try { return new URL(s).origin; }"
            + " catch (e) { return 'refused'; } });", UNCONVERTIBLE);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < UNCONVERTIBLE.size(); i++) {
      String spelling = UNCONVERTIBLE.get(i);
      String origin = serialized.get(i);
      if (!(OriginSyntax.parse(spelling) instanceof OriginSyntax.Invalid invalid)
          || invalid.fix().isPresent()) {
        wrong.add(spelling + ": " + OriginSyntax.parse(spelling) + ", Chromium sends " + origin);
      } else if (!origin.equals("refused")
          && !(OriginSyntax.parse(origin) instanceof OriginSyntax.Exact)) {
        wrong.add(origin + ", as Chromium serializes " + spelling + ", is refused");
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }
}
