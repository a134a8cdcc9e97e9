package org.corsgen.processor.validation;

/**
 * Path templates in the form that decides whether two resource methods share a URL: Jersey
 * matches requests by the regular expression of a template, so variable names do not matter and
 * {@code {id}} is {@code {id: [^/]+}} (JAX-RS 3.1, section 3.7.3).
 */
final class PathTemplates {

  private static final String DEFAULT_VARIABLE_REGEX = "[^/]+";

  private PathTemplates() {}

  /**
   * {@code /items/{id: \d+}/} and {@code items/{n:\d+}} both become {@code /items/{\d+}}: leading
   * and trailing slashes dropped, each variable replaced by its regular expression.
   */
  static String normalize(String template) {
    StringBuilder normalized = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? closingBrace(template, i) : -1;
      if (close < 0) {
        normalized.append(c);
        i++;
      } else {
        String variable = template.substring(i + 1, close);
        int colon = variable.indexOf(':');
        String regex = colon < 0 ? DEFAULT_VARIABLE_REGEX : variable.substring(colon + 1).strip();
        normalized.append('{').append(regex).append('}');
        i = close + 1;
      }
    }
    return "/" + strip(normalized.toString());
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

  /** The full template of a method: class {@code @Path} and method {@code @Path} joined. */
  static String join(String classPath, String methodPath) {
    String left = strip(classPath);
    String right = strip(methodPath);
    return "/" + (left.isEmpty() ? right : right.isEmpty() ? left : left + "/" + right);
  }

  private static String strip(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }
}
