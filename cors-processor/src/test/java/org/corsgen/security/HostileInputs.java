package org.corsgen.security;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generators of request header values a browser would send, and of the ones an attacker or a
 * broken client might: near misses of allowed origins, look-alike hosts, odd cases, spaces and
 * separators, non-ASCII characters that case-fold to ASCII, and plain garbage.
 *
 * <p>{@code headerSafe} generators produce only characters an HTTP/1.1 header value may carry
 * (no control characters but tab, nothing beyond U+00FF), for requests sent over the wire.
 */
final class HostileInputs {

  private static final String[] ALLOWED = {
      FetchOracle.EXACT_ORIGIN, FetchOracle.PORT_ORIGIN, FetchOracle.ADMIN_ORIGIN,
      FetchOracle.ANY_PORT_HOST + ":5173", "https://a.dev.example.org:8443",
  };

  /** Origins that are allowed, or whose near misses are the interesting refusals. */
  private static final String[] SEEDS = {
      FetchOracle.EXACT_ORIGIN, FetchOracle.PORT_ORIGIN, FetchOracle.ADMIN_ORIGIN,
      "https://a.example.com", "https://a-1.b2.example.com", "https://xn--bcher-kva.example.com",
      "https://example.com", "https://evilexample.com", "https://app.example.net.evil.net",
      "http://a.example.com", "null", FetchOracle.ANY_PORT_HOST,
      FetchOracle.ANY_PORT_HOST + ":65535", "https://a.dev.example.org:8443",
      "https://dev.example.org:8443",
  };

  /** Characters that turn an allowed origin into something else, some of them only subtly. */
  private static final String TWISTS = ".-_@:/ ,;\t*?#%[]A"
      + "\u00e4\u00fc\u00e9\u00ff\u212a\u0131\u017f\u2024\uff0e\u0000";

  private static final String[] ALLOWED_NAMES = {"Content-Type", "X-Token"};

  private static final String[] NAMES = {
      "Authorization", "X-Secret", "Accept", "x-token-2", "x-tok",
      "x-to\u212aen", "content-typ\u0117", "X-\u0130d", "",
  };

  private static final String[] SERVED_METHODS = {"GET", "HEAD", "PUT", "PATCH", "DELETE"};

  private static final String[] METHODS = {
      "POST", "OPTIONS", "CONNECT", "TRACE", "put", "Put", "patch", "delete", "PUT ", " PUT",
      "PUT,GET", "P\u00dcT", "",
  };

  private HostileInputs() {}

  /** An origin: half the time allowed, else mostly a near miss of an allowed one, or garbage. */
  static String origin(SplittableRandom random, boolean headerSafe) {
    int kind = random.nextInt(10);
    if (kind < 3) {
      return subdomainOf(random, "https://", ".example.com");
    }
    if (kind < 5) {
      return pick(random, ALLOWED);
    }
    if (kind < 9) {
      String origin = pick(random, SEEDS);
      for (int twists = random.nextInt(1, 3); twists > 0; twists--) {
        origin = twist(random, origin);
      }
      return headerSafe ? onTheWire(origin) : origin;
    }
    return garbage(random, headerSafe);
  }

  /** A serialized origin {@code scheme label(.label)* suffix} with host-name labels. */
  static String subdomainOf(SplittableRandom random, String scheme, String suffix) {
    StringBuilder origin = new StringBuilder(scheme);
    for (int labels = random.nextInt(1, 4); labels > 0; labels--) {
      for (int length = random.nextInt(1, 12); length > 0; length--) {
        origin.append("abcdefghijklmnopqrstuvwxyz0123456789-".charAt(random.nextInt(37)));
      }
      origin.append(labels > 1 ? "." : "");
    }
    return origin.append(suffix).toString();
  }

  /** One change a careless or hostile client might make to an origin. */
  static String twist(SplittableRandom random, String origin) {
    if (origin.isEmpty()) {
      return pick(random, SEEDS);
    }
    int at = random.nextInt(origin.length());
    return switch (random.nextInt(12)) {
      case 0 -> origin.substring(0, at) + Character.toUpperCase(origin.charAt(at))
          + origin.substring(at + 1);
      case 1 -> origin + "/";
      case 2 -> origin + "/path?q=1";
      case 3 -> origin.replaceFirst("://", "://user:pass@");
      case 4 -> origin + (origin.startsWith("https") ? ":443" : ":80");
      case 5 -> origin + pick(random, new String[] {".evil.net", "evil.net", ":8443", "."});
      case 6 -> origin.replaceFirst("://",
          "://" + pick(random, new String[] {"evil", "evil.", "."}));
      case 7 -> origin.substring(0, at) + origin.substring(at + 1);
      case 8 -> origin + ", " + pick(random, SEEDS);
      case 9 -> origin.replaceFirst("^https?",
          pick(random, new String[] {"http", "https", "HTTPS", "wss", ""}));
      default -> origin.substring(0, at) + twistCharacter(random) + origin.substring(at);
    };
  }

  private static char twistCharacter(SplittableRandom random) {
    return TWISTS.charAt(random.nextInt(TWISTS.length()));
  }

  /** A string of random characters; over the wire, only those a header value may carry. */
  static String garbage(SplittableRandom random, boolean headerSafe) {
    StringBuilder s = new StringBuilder();
    for (int length = random.nextInt(0, 40); length > 0; length--) {
      char c = headerSafe
          ? (char) random.nextInt(0x20, 0x100)
          : (char) random.nextInt(0, Character.MAX_VALUE + 1);
      s.append(c);
    }
    return headerSafe ? onTheWire(s.toString()) : s.toString();
  }

  /** An {@code Access-Control-Request-Method} value: often a method served at the path. */
  static String method(SplittableRandom random, boolean headerSafe) {
    int kind = random.nextInt(20);
    String method = kind < 12
        ? pick(random, SERVED_METHODS)
        : kind < 19 ? pick(random, METHODS) : garbage(random, headerSafe);
    return headerSafe ? onTheWire(method) : method;
  }

  /**
   * An {@code Access-Control-Request-Headers} value: mostly allowed names, in any case, with
   * spaces, tabs, empty items and duplicates.
   */
  static String headerList(SplittableRandom random, boolean headerSafe) {
    StringBuilder list = new StringBuilder();
    for (int items = random.nextInt(0, 6); items > 0; items--) {
      String name = random.nextInt(10) < 8 ? pick(random, ALLOWED_NAMES) : pick(random, NAMES);
      list.append(pick(random, new String[] {"", " ", "\t", "  "}))
          .append(random.nextBoolean() ? randomCase(random, name) : name)
          .append(pick(random, new String[] {"", " ", "\t"}));
      if (items > 1) {
        list.append(pick(random, new String[] {",", ",", ", ", ",,", " , "}));
      }
    }
    return headerSafe ? onTheWire(list.toString()) : list.toString();
  }

  /** Zero to three fields of a header, as a list of values: zero means the header is absent. */
  static List<String> fields(SplittableRandom random, Supplier<String> value) {
    int count = switch (random.nextInt(20)) {
      case 0 -> 0;
      case 1 -> 2;
      case 2 -> 3;
      default -> 1;
    };
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      fields.add(value.get());
    }
    return fields;
  }

  static String randomCase(SplittableRandom random, String s) {
    StringBuilder mixed = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return mixed.toString();
  }

  /**
   * {@code value} as a server receives it in a header field: characters a field cannot carry
   * replaced, and the spaces around it gone, as HTTP parsers drop them.
   */
  static String onTheWire(String value) {
    StringBuilder safe = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      safe.append(isHeaderSafe(c) ? c : '%');
    }
    return safe.toString().strip();
  }

  static boolean isHeaderSafe(char c) {
    return c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff);
  }

  private static String pick(SplittableRandom random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
