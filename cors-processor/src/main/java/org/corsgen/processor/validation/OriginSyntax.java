package org.corsgen.processor.validation;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.model.OriginPattern;

/**
 * Parses one {@code origins} entry against the form browsers give the {@code Origin} header
 * (the HTML standard's "ASCII serialization of an origin"): {@code scheme://host[:port]}, lower
 * case, no default port, no path. Pure string work, testable without a compiler.
 */
final class OriginSyntax {

  /** What one entry is. */
  sealed interface Parsed {}

  /** {@code "*"}. */
  record AnyOrigin() implements Parsed {}

  /** A serialized origin, compared byte for byte. */
  record Exact(String origin) implements Parsed {}

  /** A subdomain pattern. */
  record Pattern(OriginPattern pattern) implements Parsed {}

  /** Not an origin a browser sends; {@code args} complete the message. */
  record Invalid(Message message, Object... args) implements Parsed {}

  private OriginSyntax() {}

  static Parsed parse(String entry) {
    if (entry.isBlank()) {
      return new Invalid(Message.ORIGIN_BLANK);
    }
    if (entry.equals("*")) {
      return new AnyOrigin();
    }
    if (entry.equals("null")) {
      return new Invalid(Message.ORIGIN_NULL);
    }
    int separator = entry.indexOf("://");
    if (separator < 0) {
      String fixed = normalize("https://" + entry.strip()).orElse("https://app.example.com");
      return new Invalid(Message.ORIGIN_NO_SCHEME, entry, fixed);
    }
    String scheme = entry.substring(0, separator);
    if (scheme.equalsIgnoreCase("file")) {
      return new Invalid(Message.ORIGIN_FILE_SCHEME, entry);
    }
    Optional<String> problem = problem(entry, scheme, entry.substring(separator + 3));
    if (problem.isPresent()) {
      String suggestion = normalize(entry)
          .filter(fixed -> !fixed.equals(entry) && problem(fixed, fixed.substring(0,
              fixed.indexOf("://")), fixed.substring(fixed.indexOf("://") + 3)).isEmpty())
          .map(fixed -> " Write \"" + fixed + "\".")
          .orElse("");
      return new Invalid(Message.ORIGIN_MALFORMED, entry, problem.get(), suggestion);
    }
    String authority = entry.substring(separator + 3);
    if (authority.indexOf('*') >= 0) {
      if (!authority.startsWith("*.") || authority.indexOf('*', 1) >= 0
          || hostOf(authority).equals("*.")) {
        return new Invalid(Message.ORIGIN_BAD_WILDCARD, entry);
      }
      return new Pattern(new OriginPattern(scheme + "://", authority.substring(1)));
    }
    return new Exact(entry);
  }

  /** Why {@code entry} is not a serialized origin, or empty when it is one. */
  private static Optional<String> problem(String entry, String scheme, String rest) {
    for (int i = 0; i < entry.length(); i++) {
      if (Character.isWhitespace(entry.charAt(i))) {
        return Optional.of("it contains white space");
      }
    }
    if (!scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return Optional.of("\"" + scheme + "\" is not a URL scheme");
    }
    if (!scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
      return Optional.of("the scheme has upper-case letters");
    }
    int end = firstOf(rest, "/?#");
    if (end >= 0) {
      char c = rest.charAt(end);
      if (c == '/' && end == rest.length() - 1) {
        return Optional.of("it ends with a slash");
      }
      return Optional.of(c == '/' ? "it has a path" : c == '?' ? "it has a query" : "it has a fragment");
    }
    if (rest.indexOf('@') >= 0) {
      return Optional.of("it has user information before the host");
    }
    String host = hostOf(rest);
    if (host.isEmpty()) {
      return Optional.of("it has no host");
    }
    if (!host.equals(host.toLowerCase(Locale.ROOT))) {
      return Optional.of("the host has upper-case letters");
    }
    for (int i = 0; i < host.length(); i++) {
      if (host.charAt(i) > 0x7f) {
        return Optional.of("browsers send a non-ASCII host in its punycode form");
      }
    }
    if (!host.startsWith("[") && !host.matches("[a-z0-9*_.-]+")) {
      return Optional.of("the host \"" + host + "\" has characters a host name cannot have");
    }
    if (host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
      return Optional.of("the host \"" + host + "\" has an empty label");
    }
    String port = rest.substring(host.length());
    if (!port.isEmpty()) {
      if (!port.matches(":[0-9]{1,5}") || Integer.parseInt(port.substring(1)) == 0
          || Integer.parseInt(port.substring(1)) > 65535) {
        return Optional.of("\"" + port.substring(1) + "\" is not a port from 1 to 65535");
      }
      int number = Integer.parseInt(port.substring(1));
      if ((scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443)) {
        return Optional.of("it spells out the default port " + number);
      }
      if (port.startsWith(":0")) {
        return Optional.of("the port has a leading zero");
      }
    }
    return Optional.empty();
  }

  /** The host part of an authority: up to the port, with IPv6 brackets. */
  private static String hostOf(String authority) {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? authority : authority.substring(0, close + 1);
    }
    int colon = authority.lastIndexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  /**
   * The serialized form a browser would send for a URL-like entry, if there is one: lower case,
   * punycode, no user information, path or default port.
   */
  static Optional<String> normalize(String entry) {
    int separator = entry.indexOf("://");
    if (separator <= 0) {
      return Optional.empty();
    }
    String scheme = entry.substring(0, separator).strip().toLowerCase(Locale.ROOT);
    String rest = entry.substring(separator + 3).strip();
    int end = firstOf(rest, "/?#");
    String authority = end < 0 ? rest : rest.substring(0, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    String host = hostOf(authority);
    String port = authority.substring(host.length());
    try {
      host = host.startsWith("[") || host.startsWith("*.")
          ? host.toLowerCase(Locale.ROOT)
          : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if ((scheme.equals("http") && port.equals(":80"))
        || (scheme.equals("https") && port.equals(":443"))) {
      port = "";
    }
    if (host.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(scheme + "://" + host + port);
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
