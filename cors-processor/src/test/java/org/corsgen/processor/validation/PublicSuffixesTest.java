package org.corsgen.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.net.InternetDomainName;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The processor's copy of the Public Suffix List is Guava's, and judges every host the way
 * Guava's {@code InternetDomainName} does.
 */
class PublicSuffixesTest {

  private static final Path RESOURCE = Path.of(
      "src/main/resources/org/corsgen/processor/validation/public-suffixes.txt");

  /**
   * The resource as Guava's list renders it, in the Public Suffix List's own rule syntax. Guava
   * holds every internationalized suffix twice, in Unicode and in punycode; hosts reach the check
   * in punycode only ({@code OriginSyntax} refuses the others first), so the Unicode rules, which
   * could never match, are left out and the file is ASCII.
   */
  private static String rendered() {
    Set<String> rules = new TreeSet<>(PublicSuffixPatterns.EXACT.keySet());
    PublicSuffixPatterns.UNDER.keySet().forEach(name -> rules.add("*." + name));
    PublicSuffixPatterns.EXCLUDED.keySet().forEach(name -> rules.add("!" + name));
    StringBuilder text = new StringBuilder()
        .append("// The Public Suffix List (https://publicsuffix.org/list/, Mozilla Public License\n")
        .append("// 2.0), ICANN and private sections, as the Guava that the build names ships it;\n")
        .append("// punycode rules only. Written by PublicSuffixesTest: do not edit.\n");
    rules.stream().filter(PublicSuffixesTest::isAscii)
        .forEach(rule -> text.append(rule).append('\n'));
    return text.toString();
  }

  private static boolean isAscii(String text) {
    return text.chars().allMatch(c -> c < 0x80);
  }

  @Test
  void resourceIsGuavasList() throws IOException {
    String expected = rendered();
    String actual;
    try (InputStream in = PublicSuffixes.class.getResourceAsStream("public-suffixes.txt")) {
      actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!expected.equals(actual)) {
      Path written = Files.writeString(Path.of("target/public-suffixes.txt"), expected);
      assertEquals(expected, actual, "Guava's list changed: copy " + written.toAbsolutePath()
          + " to " + RESOURCE);
    }
  }

  @Test
  void judgesLikeGuava() {
    List<String> hosts = new ArrayList<>(List.of("com", "example.com", "co.uk", "example.co.uk",
        "github.io", "user.github.io", "a.b.c.example.org", "localhost", "1x.ck", "x.1ck"));
    PublicSuffixPatterns.EXACT.keySet().forEach(name -> addAround(hosts, name));
    PublicSuffixPatterns.EXCLUDED.keySet().forEach(name -> addAround(hosts, name));
    PublicSuffixPatterns.UNDER.keySet().forEach(name -> {
      addAround(hosts, name);
      for (String label : List.of("-x", "x-", "x-y", "_x", "x_", "1", "a".repeat(63),
          "a".repeat(64))) {
        hosts.add(label + "." + name);
      }
      hosts.add("a".repeat(252 - name.length()) + "." + name);
      hosts.add("a".repeat(253 - name.length()) + "." + name);
    });
    List<String> disagreements = hosts.stream()
        .filter(PublicSuffixesTest::isAscii)
        .filter(host -> PublicSuffixes.isPublicSuffix(host) != guavaSaysPublicSuffix(host))
        .toList();
    assertEquals(List.of(), disagreements);
  }

  /** The name, a label under it, and its parent. */
  private static void addAround(List<String> hosts, String name) {
    hosts.add(name);
    hosts.add("x." + name);
    if (name.contains(".")) {
      hosts.add(name.substring(name.indexOf('.') + 1));
    }
  }

  private static boolean guavaSaysPublicSuffix(String host) {
    return InternetDomainName.isValid(host) && InternetDomainName.from(host).isPublicSuffix();
  }

  @Test
  void ruleBelowFindsTheShortestPublicSuffixStrictlyUnderADomain() {
    assertEquals(Optional.of("s3.amazonaws.com"), PublicSuffixes.ruleBelow("amazonaws.com"));
    assertEquals(Optional.of("*.ck"), PublicSuffixes.ruleBelow("ck"));
    assertEquals(Optional.of("*.001.test.code-builder-stg.platform.salesforce.com"),
        PublicSuffixes.ruleBelow("salesforce.com"));
    assertEquals(Optional.empty(), PublicSuffixes.ruleBelow("example.com"));
    assertEquals(Optional.empty(), PublicSuffixes.ruleBelow("example.co.uk"));
    assertEquals(Optional.empty(), PublicSuffixes.ruleBelow("localhost"));
    // A rule for the domain itself is not below it; the exception !city.kawasaki.jp is none.
    assertEquals(Optional.empty(), PublicSuffixes.ruleBelow("s3.amazonaws.com"));
    assertEquals(Optional.empty(), PublicSuffixes.ruleBelow("city.kawasaki.jp"));
  }
}
