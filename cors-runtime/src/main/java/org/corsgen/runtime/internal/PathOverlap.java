package org.corsgen.runtime.internal;

import java.util.List;
import org.glassfish.jersey.uri.PathPattern;
import org.glassfish.jersey.uri.UriComponent;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Whether two paths of one resource level may match the same URL, decided once at start-up from
 * their templates so that a preflight tries as few patterns as possible. It may answer yes for
 * paths that never meet (the preflight then tries a pattern that fails), never no for paths that
 * do. Templates are compared in the percent-encoded form Jersey matches: {@code /my items} is
 * {@code /my%20items}.
 */
final class PathOverlap {

  private PathOverlap() {}

  /**
   * @param first the closed pattern of the earlier path
   * @param later the pattern of the later path: closed, or open where Jersey descends into it
   * @param laterIsOpen whether {@code later} also matches every URL below its own
   */
  static boolean mayOverlap(PathPattern first, PathPattern later, boolean laterIsOpen) {
    if (later == PathPattern.OPEN_ROOT_PATH_PATTERN) {
      return true; // a locator of the parent itself, tried on every URL of the level
    }
    UriTemplate a = first.getTemplate();
    UriTemplate b = later.getTemplate();
    if (a.getTemplateVariables().isEmpty()) {
      return matches(later, encode(a.getTemplate()));
    }
    if (b.getTemplateVariables().isEmpty() && !laterIsOpen) {
      return matches(first, encode(b.getTemplate()));
    }
    if (a.getNumberOfExplicitRegexes() == 0 && b.getNumberOfExplicitRegexes() == 0
        && singleNames(a) && singleNames(b)) {
      // Every variable matches within one segment: the segments must pair up.
      List<String> segmentsA = segments(a.getTemplate());
      List<String> segmentsB = segments(b.getTemplate());
      if (laterIsOpen ? segmentsA.size() < segmentsB.size()
          : segmentsA.size() != segmentsB.size()) {
        return false;
      }
      for (int i = 0; i < segmentsB.size(); i++) {
        if (!segmentsMayMatch(segmentsA.get(i), segmentsB.get(i))) {
          return false;
        }
      }
      return true;
    }
    // A regex may match across segments: only the literal beginnings can tell.
    String prefixA = encode(literalPrefix(a.getTemplate()));
    String prefixB = encode(literalPrefix(b.getTemplate()));
    return prefixA.startsWith(prefixB) || prefixB.startsWith(prefixA);
  }

  /**
   * Whether every variable has one plain name. Jersey also takes RFC 6570 forms ({@code {a,b}},
   * {@code {;a}}), whose regexes may match an empty string or across segments, and does not
   * count their explicit regexes.
   */
  private static boolean singleNames(UriTemplate template) {
    String text = template.getTemplate();
    for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
      int close = text.indexOf('}', open);
      String variable = close < 0 ? text.substring(open + 1) : text.substring(open + 1, close);
      if (variable.contains(",") || !variable.isEmpty()
          && "+#./;?&=,!@|".indexOf(variable.strip().charAt(0)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Two segments of variables with the default regex, and literal characters around them. */
  private static boolean segmentsMayMatch(String a, String b) {
    boolean literalA = a.indexOf('{') < 0;
    boolean literalB = b.indexOf('{') < 0;
    if (literalA && literalB) {
      return encode(a).equals(encode(b));
    }
    String prefixA = encode(literalPrefix(a));
    String prefixB = encode(literalPrefix(b));
    String suffixA = encode(literalSuffix(a));
    String suffixB = encode(literalSuffix(b));
    return (prefixA.startsWith(prefixB) || prefixB.startsWith(prefixA))
        && (suffixA.endsWith(suffixB) || suffixB.endsWith(suffixA));
  }

  /** A closed pattern also matches its path with a trailing slash. */
  private static boolean matches(PathPattern pattern, String path) {
    return pattern.match(path) != null || pattern.match(path + "/") != null;
  }

  /** The segments of a template without explicit regexes, whose braces hold no slash. */
  private static List<String> segments(String template) {
    String trimmed = template.startsWith("/") ? template.substring(1) : template;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }

  private static String literalPrefix(String template) {
    int variable = template.indexOf('{');
    return variable < 0 ? template : template.substring(0, variable);
  }

  private static String literalSuffix(String segment) {
    return segment.substring(segment.lastIndexOf('}') + 1);
  }

  /** As Jersey encodes a template's literal characters (PathTemplate). */
  private static String encode(String literal) {
    return UriComponent.contextualEncode(literal, UriComponent.Type.PATH);
  }
}
