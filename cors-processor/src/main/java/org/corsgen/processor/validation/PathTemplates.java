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
   * {@code /items/{id: \d+}/} and {@code items/{n:\d+}} both become {@code /items/{\d+}}: a
   * leading slash added where missing, trailing slashes dropped, each variable replaced by its
   * regular expression, and literal characters a path cannot carry percent-encoded, as Jersey
   * matches them ({@code /sp ace} is {@code /sp%20ace}). A doubled leading slash stays: Jersey
   * serves {@code //items} at {@code //items} only.
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
    return rooted(normalized.toString());
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
   * The full template of a method: class {@code @Path} and method {@code @Path} joined as Jersey
   * joins them, each with a leading slash where it has none and without trailing slashes.
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

  /** {@code path} as a template that is never empty: {@link #below} it, or {@code /}. */
  private static String rooted(String path) {
    String below = below(path);
    return below.isEmpty() ? "/" : below;
  }

  /**
   * {@code path} as a segment to append: empty for {@code ""} and {@code /}, otherwise with a
   * leading slash where it has none and without trailing slashes.
   */
  private static String below(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    String trimmed = path.substring(0, end);
    return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }
}
