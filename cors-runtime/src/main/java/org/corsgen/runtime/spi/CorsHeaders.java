package org.corsgen.runtime.spi;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** Names of the CORS header fields, and the few operations on header values the runtime needs. */
public final class CorsHeaders {

  public static final String ORIGIN = "Origin";
  public static final String VARY = "Vary";
  public static final String REQUEST_METHOD = "Access-Control-Request-Method";
  public static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
  public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
  public static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
  public static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
  public static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
  public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
  public static final String MAX_AGE = "Access-Control-Max-Age";

  /** The {@code Vary} of every preflight answer: it depends on all three request headers. */
  public static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private CorsHeaders() {}

  /**
   * The value of a request header that must occur exactly once, or {@code null} when it is
   * absent, empty or repeated. Browsers send {@code Origin} once; anything else is not a request
   * a browser made, and is refused rather than guessed at.
   *
   * <p>Spaces and tabs around the value are not part of it (RFC 9110, "Field Values"; Fetch
   * "normalizes" a header value the same way), but Grizzly passes tabs around a value on to
   * Jersey, so they are dropped here.
   */
  public static String single(MultivaluedMap<String, String> requestHeaders, String name) {
    List<String> values = requestHeaders.get(name);
    if (values == null || values.size() != 1 || values.get(0) == null) {
      return null;
    }
    String value = values.get(0);
    int from = skipSpace(value, 0, value.length());
    int to = trimSpace(value, from, value.length());
    if (from == to) {
      return null;
    }
    return to - from == value.length() ? value : value.substring(from, to);
  }

  /**
   * Adds {@code token} to the response's {@code Vary} unless it (or {@code *}) is already there.
   * An existing {@code Vary} is merged into one field, never replaced: a shared cache needs every
   * reason the response varies.
   */
  public static void addVary(MultivaluedMap<String, Object> responseHeaders, String token) {
    List<Object> existing = responseHeaders.get(VARY);
    if (existing == null || existing.isEmpty()) {
      responseHeaders.putSingle(VARY, token);
      return;
    }
    StringBuilder merged = new StringBuilder();
    for (Object field : existing) {
      String value = String.valueOf(field);
      if (containsToken(value, token) || containsToken(value, "*")) {
        return;
      }
      if (!value.isBlank()) {
        merged.append(merged.length() == 0 ? "" : ", ").append(value.strip());
      }
    }
    merged.append(merged.length() == 0 ? "" : ", ").append(token);
    responseHeaders.putSingle(VARY, merged.toString());
  }

  /** Longest request value quoted in a log message; hostile requests send megabytes. */
  private static final int LOGGED_LENGTH = 200;

  /**
   * {@code value} cut to a length fit for a log line, with control characters escaped as
   * {@code \xNN}: a request must not be able to write lines, or terminal escapes, into the log.
   */
  public static String forLog(String value) {
    if (value == null) {
      return "null";
    }
    int length = Math.min(value.length(), LOGGED_LENGTH);
    StringBuilder logged = new StringBuilder(length + 16);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
        logged.append("\\x").append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 0xf, 16));
      } else {
        logged.append(c);
      }
    }
    return value.length() <= LOGGED_LENGTH
        ? logged.toString()
        : logged.append("... (").append(value.length()).append(" characters)").toString();
  }

  /** Longest policy list quoted whole in a refusal: a policy may list a thousand origins. */
  private static final int LISTED_LENGTH = 300;

  /**
   * A policy's list ({@code "a, b, c"}) for a line logged per request: whole when short, else its
   * first items and the length of all, so that a refusal's line stays as short as the request.
   */
  public static String listForLog(String list) {
    if (list.length() <= LISTED_LENGTH) {
      return list;
    }
    int cut = list.lastIndexOf(", ", LISTED_LENGTH);
    return (cut < 0 ? list.substring(0, LISTED_LENGTH) : list.substring(0, cut + 2)) + "... ("
        + list.length() + " characters)";
  }

  /** Whether the comma-separated list {@code list} has {@code token}, ignoring case and spaces. */
  static boolean containsToken(String list, String token) {
    int length = list.length();
    int start = 0;
    while (start <= length) {
      int end = list.indexOf(',', start);
      if (end < 0) {
        end = length;
      }
      int from = skipSpace(list, start, end);
      int to = trimSpace(list, from, end);
      if (to - from == token.length() && equalsIgnoreAsciiCase(list, from, token)) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  /**
   * Whether {@code s}, from {@code from}, starts with {@code name} ignoring the case of ASCII
   * letters only. HTTP field names and tokens compare byte-case-insensitively; Java's
   * {@code regionMatches(true, ...)} would also fold non-ASCII characters such as KELVIN SIGN
   * (U+212A) to {@code k}.
   */
  static boolean equalsIgnoreAsciiCase(String s, int from, String name) {
    if (from + name.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (asciiLowerCase(s.charAt(from + i)) != asciiLowerCase(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLowerCase(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /**
   * Whether {@code s} from {@code from} to {@code to} is a non-empty token (RFC 9110, "Tokens"):
   * what a method or a header field name must be.
   */
  static boolean isToken(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }

  static int skipSpace(String s, int from, int to) {
    while (from < to && isSpace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  static int trimSpace(String s, int from, int to) {
    while (to > from && isSpace(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
