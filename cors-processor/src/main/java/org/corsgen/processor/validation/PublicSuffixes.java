package org.corsgen.processor.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
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
  private Map<String, String> ruleBelow;

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
   * A rule of the list that makes names strictly under {@code domain} public suffixes
   * ({@code s3.amazonaws.com} under {@code amazonaws.com}, {@code *.ck} under {@code ck}), the
   * shortest if several, or empty. A subdomain pattern over {@code domain} allows the sites
   * anyone can register under those.
   */
  static Optional<String> ruleBelow(String domain) {
    return Optional.ofNullable(LIST.ruleBelow().get(domain));
  }

  /**
   * Every name with a public suffix strictly under it, mapped to the shortest rule that makes
   * one; built on first use, since a policy with many patterns asks once per pattern.
   */
  private Map<String, String> ruleBelow() {
    if (ruleBelow == null) {
      Map<String, String> below = new HashMap<>();
      for (String rule : exact) {
        addParents(below, rule, false, rule);
      }
      for (String parent : under) {
        addParents(below, parent, true, "*." + parent);
      }
      ruleBelow = below;
    }
    return ruleBelow;
  }

  /** Maps each parent of {@code name}, and {@code name} too if {@code itself}, to {@code rule}. */
  private static void addParents(Map<String, String> below, String name, boolean itself,
      String rule) {
    if (itself) {
      below.merge(name, rule, PublicSuffixes::shorter);
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      below.merge(name.substring(dot + 1), rule, PublicSuffixes::shorter);
    }
  }

  private static String shorter(String found, String rule) {
    return rule.length() < found.length()
        || (rule.length() == found.length() && rule.compareTo(found) < 0) ? rule : found;
  }

  /**
   * Guava's rule for a label that is not the last: up to 63 letters, digits, '-' and '_', with
   * neither '-' nor '_' at an end.
   */
  private static boolean isValidLabel(String label) {
    return LABEL.matcher(label).matches();
  }
}
