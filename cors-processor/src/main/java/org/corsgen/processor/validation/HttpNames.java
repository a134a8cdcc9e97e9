package org.corsgen.processor.validation;

import java.util.Locale;
import java.util.Set;

/**
 * The method and header names the Fetch standard treats specially, and the RFC 9110 token syntax
 * both must have. Pure string work, testable without a compiler.
 */
final class HttpNames {

  /** RFC 9110, section 5.6.2: the characters of a token besides letters and digits. */
  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  /** Fetch, "forbidden method". */
  private static final Set<String> FORBIDDEN_METHODS = Set.of("connect", "trace", "track");

  /** Fetch, "forbidden request-header"; names starting with proxy- or sec- are forbidden too. */
  private static final Set<String> FORBIDDEN_REQUEST_HEADERS = Set.of(
      "accept-charset", "accept-encoding", "access-control-request-headers",
      "access-control-request-method", "connection", "content-length", "cookie", "cookie2",
      "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "set-cookie", "te",
      "trailer", "transfer-encoding", "upgrade", "via");

  /** Fetch, "forbidden response-header name": never readable by a page. */
  private static final Set<String> FORBIDDEN_RESPONSE_HEADERS = Set.of("set-cookie", "set-cookie2");

  /** Fetch, "CORS-safelisted response-header name": always readable by a page. */
  private static final Set<String> SAFELISTED_RESPONSE_HEADERS = Set.of(
      "cache-control", "content-language", "content-length", "content-type", "expires",
      "last-modified", "pragma");

  private HttpNames() {}

  /** Whether {@code name} is an RFC 9110 token, the syntax of methods and header names. */
  static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9');
      if (!alphanumeric && TCHAR_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Methods a page can never send, in any case. */
  static boolean isForbiddenMethod(String method) {
    return FORBIDDEN_METHODS.contains(lower(method));
  }

  /** Fetch, "normalize" a method: browsers send these six upper-cased, however written. */
  private static final Set<String> NORMALIZED_METHODS =
      Set.of("delete", "get", "head", "options", "post", "put");

  /** Whether browsers upper-case {@code method} before sending it. */
  static boolean isNormalizedMethod(String method) {
    return NORMALIZED_METHODS.contains(lower(method));
  }

  /**
   * Request headers that a page can send without a preflight asking for them (Fetch,
   * CORS-safelisted request-header; {@code Content-Type} has its own rule), that the browser adds
   * on its own after the preflight is decided (its cache's {@code If-None-Match} and the like,
   * client hints such as {@code Save-Data}), or that a proxy in front of the server adds. A
   * resource reading one of them usually gets it from those, so it is no sign that pages must be
   * allowed to send it; a page that sets {@code If-None-Match} itself still needs it allowed.
   */
  private static final Set<String> NOT_ASKED_FOR_REQUEST_HEADERS = Set.of(
      "accept", "accept-language", "content-language", "content-type", "range",
      "if-none-match", "if-modified-since", "cache-control", "pragma", "user-agent",
      "save-data", "device-memory", "downlink", "dpr", "ect", "rtt", "viewport-width", "width",
      "forwarded", "x-real-ip");

  /**
   * Whether a resource can read a request header from browsers without {@code allowHeaders}
   * naming it: the browser sends it without asking, or sets it itself, or a proxy adds it.
   */
  static boolean needsNoPreflightPermission(String name) {
    String lower = lower(name);
    return NOT_ASKED_FOR_REQUEST_HEADERS.contains(lower) || lower.startsWith("x-forwarded-")
        || isForbiddenRequestHeader(name);
  }

  /** Request headers a page can never set. */
  static boolean isForbiddenRequestHeader(String name) {
    String lower = lower(name);
    return FORBIDDEN_REQUEST_HEADERS.contains(lower) || lower.startsWith("proxy-")
        || lower.startsWith("sec-");
  }

  /** The response headers of the CORS protocol, which only a server sends. */
  static boolean isCorsResponseHeader(String name) {
    String lower = lower(name);
    return lower.startsWith("access-control-allow-") || lower.equals("access-control-max-age")
        || lower.equals("access-control-expose-headers");
  }

  /**
   * The request headers of the CORS protocol (Fetch, HTTP requests), which only a browser sends
   * and no response carries; {@code Access-Control-Request-*} covers the drafts' later ones.
   */
  static boolean isCorsRequestHeader(String name) {
    String lower = lower(name);
    return lower.equals("origin") || lower.startsWith("access-control-request-");
  }

  static boolean isForbiddenResponseHeader(String name) {
    return FORBIDDEN_RESPONSE_HEADERS.contains(lower(name));
  }

  static boolean isSafelistedResponseHeader(String name) {
    return SAFELISTED_RESPONSE_HEADERS.contains(lower(name));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
