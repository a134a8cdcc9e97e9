package org.corsgen.runtime.spi;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses one allowed-origin entry against the form browsers give the {@code Origin} header (the
 * HTML standard's "ASCII serialization of an origin"): {@code scheme://host[:port]}, lower case,
 * no default port, no path.
 *
 * <p>The single implementation of these rules: the processor applies it to {@code @Cors} literals
 * at compile time (it carries a relocated copy of this class), and the runtime to origins that
 * come from configuration at start-up. Pure string work, no dependencies.
 */
public final class OriginSyntax {

  /** What one entry is. */
  public sealed interface Entry permits AnyOrigin, Exact, Pattern, Invalid {}

  /** {@code "*"}. */
  public record AnyOrigin() implements Entry {}

  /** A serialized origin, compared byte for byte. */
  public record Exact(String origin) implements Entry {}

  /**
   * A subdomain pattern: an origin matches when it is {@code scheme}, then one or more DNS
   * labels, then {@code suffix} ({@code "https://"} and {@code ".example.com"}).
   */
  public record Pattern(String scheme, String suffix) implements Entry {
    /** The host the pattern covers the subdomains of, {@code example.com}. */
    public String parentHost() {
      int port = suffix.lastIndexOf(':');
      return (port < 0 ? suffix : suffix.substring(0, port)).substring(1);
    }

    @Override
    public String toString() {
      return scheme + "*" + suffix;
    }
  }

  /** Why an entry can never match what a browser sends. */
  public enum Problem {
    /** Empty or blank. */
    BLANK,
    /** {@code "null"}: sent by sandboxed iframes, {@code file:} pages and redirects. */
    NULL,
    /** A {@code file:} URL, which browsers never send. */
    FILE_SCHEME,
    /** No {@code scheme://}. */
    NO_SCHEME,
    /** Not a serialized origin; {@link Invalid#detail()} says why. */
    MALFORMED,
    /** A wildcard other than one leading {@code *.} label in the host. */
    BAD_WILDCARD
  }

  /**
   * An entry that no browser's {@code Origin} would ever equal.
   *
   * @param problem the kind of problem
   * @param detail what exactly is wrong, such as {@code it ends with a slash}; empty when the
   *     problem says it all
   * @param fix the serialized origin the entry most likely meant, when there is one
   */
  public record Invalid(Problem problem, String detail, Optional<String> fix) implements Entry {}

  private OriginSyntax() {}

  /** Parses one entry. */
  public static Entry parse(String entry) {
    if (entry.isBlank()) {
      return new Invalid(Problem.BLANK, "", Optional.empty());
    }
    if (entry.equals("*")) {
      return new AnyOrigin();
    }
    if (entry.equals("null")) {
      return new Invalid(Problem.NULL, "", Optional.empty());
    }
    int separator = entry.indexOf("://");
    if (separator < 0) {
      return new Invalid(Problem.NO_SCHEME, "", normalize("https://" + entry.strip()));
    }
    String scheme = entry.substring(0, separator);
    if (scheme.equalsIgnoreCase("file")) {
      return new Invalid(Problem.FILE_SCHEME, "", Optional.empty());
    }
    String authority = entry.substring(separator + 3);
    Optional<String> problem = problem(entry, scheme, authority);
    if (problem.isPresent()) {
      return new Invalid(Problem.MALFORMED, problem.get(), normalize(entry)
          .filter(fixed -> !fixed.equals(entry) && parse(fixed) instanceof Exact));
    }
    if (authority.indexOf('*') >= 0) {
      if (!authority.startsWith("*.") || authority.indexOf('*', 1) >= 0
          || hostOf(authority).length() <= 2) {
        return new Invalid(Problem.BAD_WILDCARD, "", Optional.empty());
      }
      return new Pattern(scheme + "://", authority.substring(1));
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
    if (host.startsWith("[")) {
      if (!host.matches("\\[[0-9a-f:.]+]")) {
        return Optional.of("the host \"" + host + "\" is not an IPv6 address");
      }
    } else if (!host.matches("[a-z0-9*_.-]+")) {
      return Optional.of("the host \"" + host + "\" has characters a host name cannot have");
    } else if (host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
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
  public static Optional<String> normalize(String entry) {
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
