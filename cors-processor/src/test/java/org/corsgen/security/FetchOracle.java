package org.corsgen.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the Fetch standard and the {@code @Cors} declarations of {@link GuardedResource} and
 * {@link PublicResource} imply for a request, computed without any of corsgen's code: the tests
 * compare corsgen's answers with these.
 *
 * <p>The rules, with the Fetch sections they come from:
 * <ul>
 *   <li>Spaces and tabs around a header value are not part of it (RFC 9110, "Field Values").
 *   <li>A browser sends {@code Origin} once, as a serialized origin: lower-case scheme and host,
 *       non-ASCII hosts in punycode, no default port, path, user information or trailing slash
 *       ("serialization of an origin"). An origin is granted when it is byte for byte a listed
 *       origin, or a serialized origin whose host is a strict subdomain of the pattern's host;
 *       under a port wildcard ({@code :*}), the same with any port or none, a port being as the
 *       URL standard serializes one (decimal, 1 to 65535, no leading zero). Anything else,
 *       {@code null} included, is refused.
 *   <li>{@code Access-Control-Request-Method} is one method, compared byte for byte ("CORS-
 *       preflight fetch": browsers normalize only DELETE, GET, HEAD, OPTIONS, POST and PUT, so a
 *       lower-case {@code put} never comes from one).
 *   <li>{@code Access-Control-Request-Headers} is a comma-separated list of names; items are
 *       trimmed of spaces and tabs, empty items skipped, and names compared ignoring ASCII case
 *       ("byte-case-insensitive"). {@code *} allows every name but {@code Authorization}; an
 *       item that is no token is no name ({@code 1#field-name}), and is refused.
 *   <li>A refusal is a non-2xx status without any {@code Access-Control-Allow-*} header.
 * </ul>
 */
final class FetchOracle {

  static final String EXACT_ORIGIN = "https://app.example.net";
  static final String PORT_ORIGIN = "http://localhost:8080";
  static final String SUBDOMAIN_PARENT = "example.com";
  static final String SUBDOMAIN_PATTERN = "https://*." + SUBDOMAIN_PARENT;
  static final String ADMIN_ORIGIN = "https://admin.example.com";
  /** A host on any port, as a development server's page is served. */
  static final String ANY_PORT_HOST = "http://127.0.0.1";
  static final String ANY_PORT_HOST_PATTERN = ANY_PORT_HOST + ":*";
  static final String ANY_PORT_PARENT = "dev.example.org";
  static final String ANY_PORT_SUBDOMAIN_PATTERN = "https://*." + ANY_PORT_PARENT + ":*";

  static final String CLASS_ALLOW_HEADERS = "Content-Type, X-Token";

  /** The {@code Vary} of every preflight answer, granted or refused. */
  static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  /** The HTTP methods served at {@code /guarded/{id}}, each with the policy that covers it. */
  private static final Map<String, Policy> GUARDED_ITEM_METHODS = Map.of(
      "GET", Policy.CLASS, "HEAD", Policy.CLASS, "PUT", Policy.CLASS, "PATCH", Policy.CLASS,
      "DELETE", Policy.ADMIN);

  private FetchOracle() {}

  /** The two policies of {@link GuardedResource}. */
  enum Policy {
    CLASS, ADMIN;

    boolean allowsOrigin(String origin) {
      return this == ADMIN
          ? origin.equals(ADMIN_ORIGIN)
          : origin.equals(EXACT_ORIGIN) || origin.equals(PORT_ORIGIN)
              || isSerializedStrictSubdomain(origin, "https", SUBDOMAIN_PARENT)
              || isOnAnyPort(origin, ANY_PORT_HOST)
              || isSerializedStrictSubdomainOnAnyPort(origin, "https", ANY_PORT_PARENT);
    }

    Set<String> allowedHeaderNames() {
      return this == ADMIN ? Set.of() : Set.of("content-type", "x-token");
    }
  }

  /** The answer a preflight must get: a grant with its header values, or a refusal. */
  record Preflight(boolean granted, String allowOrigin, Set<String> allowMethods,
      Optional<String> allowHeaders, boolean credentials, Optional<String> maxAge) {

    static final Preflight REFUSED =
        new Preflight(false, "", Set.of(), Optional.empty(), false, Optional.empty());
  }

  /**
   * The answer to a preflight at {@code /guarded/{id}} with these header fields (each list holds
   * every field of that name the request carried, in order).
   */
  static Preflight guardedItemPreflight(List<String> origins, List<String> methods,
      List<String> requestHeaders) {
    if (origins.size() != 1 || trimHttpSpace(origins.get(0)).isEmpty()
        || methods.size() != 1 || trimHttpSpace(methods.get(0)).isEmpty()) {
      return Preflight.REFUSED;
    }
    String origin = trimHttpSpace(origins.get(0));
    Policy policy = GUARDED_ITEM_METHODS.get(trimHttpSpace(methods.get(0)));
    if (policy == null || !policy.allowsOrigin(origin)) {
      return Preflight.REFUSED;
    }
    for (String name : names(String.join(",", requestHeaders))) {
      if (!policy.allowedHeaderNames().contains(asciiLowerCase(name))) {
        return Preflight.REFUSED;
      }
    }
    // Browsers cache a preflight's methods and header names per origin and URL (Fetch,
    // "CORS-preflight cache"), and later send a cached method, or a safelisted method with cached
    // headers or credentials, without asking. So only the answering policy's own methods may be
    // listed, and the answer may not be cached at all while another policy at this URL grants the
    // same origin fewer headers or no credentials.
    Set<String> allowMethods = new TreeSet<>();
    GUARDED_ITEM_METHODS.forEach((method, p) -> {
      if (p == policy) {
        allowMethods.add(method);
      }
    });
    boolean uncacheable = GUARDED_ITEM_METHODS.values().stream().distinct()
        .filter(other -> other != policy && other.allowsOrigin(origin))
        .anyMatch(other -> !other.allowedHeaderNames().containsAll(policy.allowedHeaderNames())
            || (policy == Policy.ADMIN && other != Policy.ADMIN));
    return policy == Policy.ADMIN
        ? new Preflight(true, origin, allowMethods, Optional.empty(), true,
            uncacheable ? Optional.of("0") : Optional.empty())
        : new Preflight(true, origin, allowMethods, Optional.of(CLASS_ALLOW_HEADERS), false,
            Optional.of(uncacheable ? "0" : "600"));
  }

  /**
   * Whether a preflight to {@link PublicResource} for {@code POST} with these names passes: every
   * item is a header name ({@code Access-Control-Request-Headers} is {@code 1#field-name}, so
   * one that is no token does not parse), none is {@code Authorization}, and none is {@code *},
   * which no header is named and which would be answered as the wildcard itself.
   */
  static boolean publicPreflightGranted(String requestHeaders) {
    return names(requestHeaders).stream().allMatch(FetchOracle::isToken)
        && names(requestHeaders).stream()
            .noneMatch(name -> asciiLowerCase(name).equals("authorization") || name.equals("*"));
  }

  /**
   * The Allow-Headers a granted preflight to {@link PublicResource} ({@code allowHeaders = "*"})
   * must carry: the names asked for, each once ignoring ASCII case, never {@code *}, which
   * browsers let cover Authorization from their cache (whatwg/fetch#1919); none when none were.
   */
  static Optional<String> publicAllowHeaders(String requestHeaders) {
    Set<String> seen = new TreeSet<>();
    List<String> answered = new ArrayList<>();
    for (String name : names(requestHeaders)) {
      if (seen.add(asciiLowerCase(name))) {
        answered.add(name);
      }
    }
    return answered.isEmpty() ? Optional.empty() : Optional.of(String.join(",", answered));
  }

  /**
   * Whether some browser's CORS-preflight fetch could accept an answer with these fields (each
   * {@code null} when absent) to a preflight for {@code origin}, {@code method} and the requested
   * {@code headerNames}, its credentials mode {@code include} or not: Fetch's check ("CORS-
   * preflight fetch", step 7, and "CORS check"), read as laxly as shipped browsers read it. An ok
   * status; {@code Access-Control-Allow-Origin} the origin, or {@code *} without credentials;
   * {@code Access-Control-Allow-Credentials: true} with them; the method listed (byte for byte in
   * Fetch, ignoring case in Chromium's non-conformant mode, crbug.com/1228178), CORS-safelisted,
   * covered by {@code *} without credentials, or any method when Allow-Methods is absent (Fetch,
   * for a request whose preflight was forced); every name listed ignoring ASCII case, or covered
   * by {@code *} without credentials, Authorization included (against Fetch, but as Chromium,
   * Firefox and Safari do: whatwg/fetch#1919).
   */
  static boolean browserAccepts(String origin, String method, List<String> headerNames,
      boolean include, int status, String allowOrigin, String allowCredentials,
      String allowMethods, String allowHeaders) {
    if (status < 200 || status > 299 || allowOrigin == null) {
      return false;
    }
    if (!(allowOrigin.equals("*") && !include) && !allowOrigin.equals(origin)) {
      return false;
    }
    if (include && !"true".equals(allowCredentials)) {
      return false;
    }
    if (allowMethods != null) {
      List<String> methods = names(allowMethods);
      if (methods.stream().noneMatch(method::equalsIgnoreCase)
          && Stream.of("GET", "HEAD", "POST").noneMatch(method::equalsIgnoreCase)
          && (include || !methods.contains("*"))) {
        return false;
      }
    }
    Set<String> allowed = new TreeSet<>();
    if (allowHeaders != null) {
      names(allowHeaders).forEach(name -> allowed.add(asciiLowerCase(name)));
    }
    for (String name : headerNames) {
      String lower = asciiLowerCase(name);
      if (!allowed.contains(lower) && (include || !allowed.contains("*"))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} is a token (RFC 9110, "Tokens"): a method or a header field name. */
  static boolean isToken(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
  }

  /**
   * The {@code Access-Control-Allow-Origin} an actual request to a {@link GuardedResource} method
   * under its class policy must get: the origin when it is granted, nothing otherwise.
   */
  static Optional<String> guardedAllowOrigin(List<String> origins) {
    return origins.size() == 1 && Policy.CLASS.allowsOrigin(trimHttpSpace(origins.get(0)))
        ? Optional.of(trimHttpSpace(origins.get(0)))
        : Optional.empty();
  }

  /** The items of a comma-separated list such as {@code Access-Control-Allow-Methods}. */
  static Set<String> methodSet(String list) {
    return list == null ? Set.of() : new TreeSet<>(names(list));
  }

  /** The names in a header list value: split at commas, trimmed of spaces and tabs, non-empty. */
  static List<String> names(String list) {
    List<String> names = new ArrayList<>();
    for (String item : list.split(",", -1)) {
      String name = trimHttpSpace(item);
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Whether {@code origin} is the serialization of a tuple ({@code scheme}, host, default port)
   * whose host is a domain below {@code parent}: at least one more label, every label non-empty
   * and made of the characters of host names in DNS use, which browsers leave as they are in a
   * serialized host (lower-case ASCII letters, digits, hyphens and underscores; non-ASCII labels
   * arrive in punycode, which is made of these). The URL standard lets a few more through, such as
   * {@code !} ({@code new URL("https://a!b.example.com").origin} keeps it in Chromium); corsgen
   * refuses those on purpose, as no registrable name has them.
   */
  static boolean isSerializedStrictSubdomain(String origin, String scheme, String parent) {
    String prefix = scheme + "://";
    if (!origin.startsWith(prefix)) {
      return false;
    }
    String[] labels = origin.substring(prefix.length()).split("\\.", -1);
    String[] parentLabels = parent.split("\\.");
    if (labels.length <= parentLabels.length) {
      return false;
    }
    for (int i = 0; i < parentLabels.length; i++) {
      if (!labels[labels.length - parentLabels.length + i].equals(parentLabels[i])) {
        return false;
      }
    }
    for (String label : labels) {
      if (label.isEmpty() || !label.chars().allMatch(FetchOracle::isHostNameCharacter)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code origin} is {@code host}, a serialized origin without port, on any port. */
  static boolean isOnAnyPort(String origin, String host) {
    return origin.equals(host) || origin.startsWith(host + ":")
        && isSerializedPort(origin.substring(host.length() + 1));
  }

  /**
   * {@link #isSerializedStrictSubdomain}, with any port or none after the host: told by a regular
   * expression over the whole origin, not by splitting it as corsgen does.
   */
  static boolean isSerializedStrictSubdomainOnAnyPort(String origin, String scheme,
      String parent) {
    Matcher matcher = Pattern.compile(
            Pattern.quote(scheme + "://") + "(?:[a-z0-9_-]+\\.)+"
                + Pattern.quote(parent) + "(?::([0-9]+))?")
        .matcher(origin);
    return matcher.matches() && (matcher.group(1) == null || isSerializedPort(matcher.group(1)));
  }

  /** A port as the URL standard serializes one: decimal, 1 to 65535, no leading zero. */
  private static boolean isSerializedPort(String port) {
    return port.matches("[1-9][0-9]{0,4}") && Integer.parseInt(port) <= 65535;
  }

  private static boolean isHostNameCharacter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  static String trimHttpSpace(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }

  static String asciiLowerCase(String s) {
    StringBuilder lower = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return lower.toString();
  }
}
