package org.corsgen.runtime.spi;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses one allowed-origin entry against the form browsers give the {@code Origin} header (the
 * HTML standard's "ASCII serialization of an origin"): {@code scheme://host[:port]}, lower case,
 * punycode, no default port, no path.
 *
 * <p>The single implementation of these rules: the processor applies it to {@code @Cors} literals
 * at compile time (its jar carries a relocated copy of this class), and the runtime to origins
 * that come from configuration at start-up. Pure string work, no dependencies.
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
    /** The host whose subdomains the pattern covers: {@code example.com}. */
    public String parentHost() {
      return hostOf(suffix.substring(1));
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
    /** A non-ASCII host that has a punycode form. */
    NOT_PUNYCODE,
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

  private static final String SEPARATOR = "://";

  /**
   * ß, ς, ZWJ and ZWNJ: the characters that {@link IDN} (IDNA 2003) maps differently from
   * browsers (UTS #46 nontransitional processing), so no punycode form is suggested for them.
   */
  private static final String IDNA_DEVIATIONS = "\u00DF\u03C2\u200D\u200C";

  private OriginSyntax() {}

  /** Parses one entry. */
  public static Entry parse(String entry) {
    if (entry.isBlank()) {
      return invalid(Problem.BLANK);
    }
    if (entry.equals("*")) {
      return new AnyOrigin();
    }
    if (entry.equals("null")) {
      return invalid(Problem.NULL);
    }
    int separator = entry.indexOf(SEPARATOR);
    if (separator < 0) {
      return new Invalid(Problem.NO_SCHEME, "", normalize("https://" + entry.strip()));
    }
    String scheme = entry.substring(0, separator);
    if (scheme.equalsIgnoreCase("file")) {
      return invalid(Problem.FILE_SCHEME);
    }
    Optional<String> valid = normalize(entry).filter(fixed -> problem(fixed).isEmpty());
    if (!isAscii(hostOf(authorityOf(entry.substring(separator + SEPARATOR.length()))))
        && valid.isPresent()) {
      return new Invalid(Problem.NOT_PUNYCODE, "", valid);
    }
    Optional<String> problem = problem(entry);
    if (problem.isPresent()) {
      return new Invalid(Problem.MALFORMED, problem.get(),
          valid.filter(fixed -> !fixed.equals(entry)));
    }
    String authority = entry.substring(separator + SEPARATOR.length());
    if (authority.indexOf('*') < 0) {
      return new Exact(entry);
    }
    if (!authority.startsWith("*.") || authority.indexOf('*', 1) >= 0) {
      return invalid(Problem.BAD_WILDCARD);
    }
    return new Pattern(scheme + SEPARATOR, authority.substring(1));
  }

  private static Invalid invalid(Problem problem) {
    return new Invalid(problem, "", Optional.empty());
  }

  /**
   * Whether a page at this origin reaches the server over plain http from somewhere other than
   * the local machine, where an active network attacker can read what it is sent. Loopback hosts
   * count as secure, as in the Secure Contexts standard's "potentially trustworthy origin".
   */
  public static boolean isCleartext(Entry entry) {
    if (entry instanceof Exact exact) {
      return exact.origin().startsWith("http://")
          && !isLoopback(hostOf(exact.origin().substring("http://".length())));
    }
    if (entry instanceof Pattern pattern) {
      return pattern.scheme().equals("http://") && !isLoopback("*" + hostOf(pattern.suffix()));
    }
    return false;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
        || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  }

  /** Why {@code entry} (which has a scheme separator) is not a serialized origin. */
  private static Optional<String> problem(String entry) {
    int separator = entry.indexOf(SEPARATOR);
    String scheme = entry.substring(0, separator);
    String rest = entry.substring(separator + SEPARATOR.length());
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
    if (!isAscii(host)) {
      return Optional.of("browsers send a non-ASCII host in its punycode form");
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
    return portProblem(scheme, rest.substring(host.length()));
  }

  /** Why {@code port} ({@code ""} or {@code ":8080"}) is not as a browser serializes it. */
  private static Optional<String> portProblem(String scheme, String port) {
    if (port.isEmpty()) {
      return Optional.empty();
    }
    String digits = port.substring(1);
    if (!port.matches(":[0-9]{1,5}") || Integer.parseInt(digits) == 0
        || Integer.parseInt(digits) > 65535) {
      return Optional.of("\"" + digits + "\" is not a port from 1 to 65535");
    }
    if (digits.startsWith("0")) {
      return Optional.of("the port has a leading zero");
    }
    int number = Integer.parseInt(digits);
    if ((scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443)) {
      return Optional.of("it spells out the default port " + number);
    }
    return Optional.empty();
  }

  /** The authority of what follows {@code scheme://}: up to any path, query or fragment. */
  private static String authorityOf(String rest) {
    int end = firstOf(rest, "/?#");
    String authority = end < 0 ? rest : rest.substring(0, end);
    return authority.substring(authority.lastIndexOf('@') + 1);
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
    int separator = entry.indexOf(SEPARATOR);
    if (separator <= 0 || entry.chars().anyMatch(c -> IDNA_DEVIATIONS.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    String scheme = entry.substring(0, separator).strip().toLowerCase(Locale.ROOT);
    String authority = authorityOf(entry.substring(separator + SEPARATOR.length()).strip());
    String host = hostOf(authority);
    String port = authority.substring(host.length());
    boolean pattern = host.startsWith("*.");
    try {
      host = host.startsWith("[")
          ? host.toLowerCase(Locale.ROOT)
          : (pattern ? "*." : "") + IDN.toASCII(pattern ? host.substring(2) : host,
              IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
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
    return Optional.of(scheme + SEPARATOR + host + port);
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
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
