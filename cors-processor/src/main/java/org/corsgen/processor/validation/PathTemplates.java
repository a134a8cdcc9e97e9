package org.corsgen.processor.validation;

import java.nio.charset.StandardCharsets;
import org.corsgen.processor.model.CorsResource;

/**
 * Path templates in the form that decides whether two resource methods share a URL: Jersey
 * matches requests by the regular expression of a template, so variable names do not matter and
 * {@code {id}} is {@code {id: [^/]+}} (JAX-RS 3.1, section 3.7.3).
 */
final class PathTemplates {

  private static final String DEFAULT_VARIABLE_REGEX = "[^/]+";

  private PathTemplates() {}

  /**
   * Characters a URI path may carry unencoded (RFC 3986), which Jersey leaves as written, and the
   * braces of a variable left unclosed, which Jersey refuses at start-up anyway.
   */
  private static final String PATH_CHARACTERS = "abcdefghijklmnopqrstuvwxyz"
      + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/{}";

  /**
   * The form of a method's path that decides whether two methods share a URL: the class and the
   * method {@code @Path} {@linkplain #join joined}, but with the root left empty, since Jersey
   * routes {@code //} below a root of {@code /} apart from the root's own methods although both
   * are named {@code /}; then {@linkplain #normalize normalized}.
   */
  static String route(String classPath, String methodPath) {
    return normalize(below(classPath) + below(methodPath));
  }

  /** As {@link #route}, for a sub-resource method at {@code methodPath} below its locator. */
  static String routeBelowLocator(String methodPath) {
    return normalize(belowLocator(methodPath));
  }

  /**
   * A template in the form Jersey matches: {@code /items/{id: \d+}} and {@code /items/{n:\d+}}
   * both become {@code /items/{\d+}}, each variable replaced by its regular expression and literal
   * characters a path cannot carry percent-encoded ({@code /sp ace} is {@code /sp%20ace}).
   * Slashes stay as they are: {@code /a} and {@code /a/} are routed apart.
   */
  static String normalize(String template) {
    StringBuilder normalized = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? closingBrace(template, i) : -1;
      if (close < 0) {
        i = appendEncoded(template, i, normalized);
      } else {
        String variable = template.substring(i + 1, close);
        int colon = variable.indexOf(':');
        String regex = colon < 0 ? DEFAULT_VARIABLE_REGEX : variable.substring(colon + 1).strip();
        normalized.append('{').append(regex).append('}');
        i = close + 1;
      }
    }
    return normalized.toString();
  }

  /** {@code path}, which is empty for the root, as a template that is never empty. */
  private static String rooted(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }

  /**
   * Appends the literal character at {@code index}, percent-encoded in UTF-8 unless a path may
   * carry it or it begins an escape already written ({@code %20}); returns the next index.
   */
  private static int appendEncoded(String template, int index, StringBuilder to) {
    char c = template.charAt(index);
    if (PATH_CHARACTERS.indexOf(c) >= 0 || c == '%' && index + 2 < template.length()
        && isHex(template.charAt(index + 1)) && isHex(template.charAt(index + 2))) {
      to.append(c);
      return index + 1;
    }
    int codePoint = template.codePointAt(index);
    for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
      to.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
    return index + Character.charCount(codePoint);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** The index of the brace closing the one at {@code open}; regexes may nest braces. */
  private static int closingBrace(String template, int open) {
    int depth = 0;
    for (int i = open; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The full template of a method, as Jersey builds the regular expression it routes by: each of
   * the class {@code @Path} and the method {@code @Path} with a leading slash where it has none and
   * one trailing slash, which Jersey matches with or without, left out. So {@code /items/} and
   * {@code {id}} join to {@code /items/{id}}, {@code //} and {@code x} to {@code //x}, and
   * {@code /dbl//} alone is {@code /dbl/}, which Jersey serves at {@code /dbl/} and {@code /dbl//}.
   */
  static String join(String classPath, String methodPath) {
    return rooted(below(classPath) + below(methodPath));
  }

  /**
   * {@code {locator}/{id}} for a sub-resource method at {@code {id}}: its path below whichever
   * locator returns its class, as the runtime logs it.
   */
  static String belowLocator(String methodPath) {
    return CorsResource.LOCATOR + below(methodPath);
  }

  /**
   * {@code path} as a segment to append: empty for {@code ""} and {@code /}, otherwise with a
   * leading slash where it has none and without the one trailing slash Jersey makes optional.
   */
  private static String below(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }
}
