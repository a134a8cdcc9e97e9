package org.corsgen.processor.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Public Suffix List (ICANN and private sections) as Guava ships it, answering for a host in
 * punycode what Guava's {@code InternetDomainName.isPublicSuffix()} answers. The list is a
 * resource that {@code PublicSuffixesTest} writes from Guava's copy and keeps equal to it: the
 * processor runs in a fresh JVM for every compilation, where loading Guava's classes and list
 * cost several times what reading this file does.
 */
final class PublicSuffixes {

  private static final String RESOURCE = "public-suffixes.txt";

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?");

  /** Read when this class is first used: a compilation without subdomain patterns never is. */
  private static final PublicSuffixes LIST = read();

  /** The longest domain name that Guava accepts as valid. */
  private static final int MAX_LENGTH = 253;

  /** Rules {@code name}: the name is a public suffix. */
  private final Set<String> exact = new HashSet<>();
  /** Rules {@code *.name}: every label under the name is one. */
  private final Set<String> under = new HashSet<>();
  /** Rules {@code !name}: exceptions to a {@code *.} rule. */
  private final Set<String> excluded = new HashSet<>();

  private PublicSuffixes(String rules) {
    for (String rule : rules.split("\n")) {
      if (rule.startsWith("*.")) {
        under.add(rule.substring(2));
      } else if (rule.startsWith("!")) {
        excluded.add(rule.substring(1));
      } else if (!rule.isEmpty() && !rule.startsWith("//")) {
        exact.add(rule);
      }
    }
  }

  /**
   * Decodes the file, ASCII, in one piece: in a cold JVM, where this runs interpreted, that cost
   * a third of what a {@code Reader} decoding line by line into UTF-16 strings did.
   */
  private static PublicSuffixes read() {
    try (InputStream in = PublicSuffixes.class.getResourceAsStream(RESOURCE)) {
      return new PublicSuffixes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Whether every name under {@code domain}, a lower-case ASCII host name, can be registered by
   * anyone. As in Guava, a name that is not a valid domain name is not a public suffix.
   */
  static boolean isPublicSuffix(String domain) {
    if (LIST.exact.contains(domain)) {
      return true;
    }
    int dot = domain.indexOf('.');
    return dot > 0 && !LIST.excluded.contains(domain)
        && LIST.under.contains(domain.substring(dot + 1))
        && domain.length() <= MAX_LENGTH && isValidLabel(domain.substring(0, dot));
  }

  /**
   * Guava's rule for a label that is not the last: up to 63 letters, digits, '-' and '_', with
   * neither '-' nor '_' at an end.
   */
  private static boolean isValidLabel(String label) {
    return LABEL.matcher(label).matches();
  }
}
