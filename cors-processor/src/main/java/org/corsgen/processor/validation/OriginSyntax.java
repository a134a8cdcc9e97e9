package org.corsgen.processor.validation;

import com.google.common.net.InternetDomainName;
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

  private static final String SEPARATOR = "://";

  /**
   * ß, ς, ZWJ and ZWNJ: the characters that {@link IDN} (IDNA 2003) maps differently from
   * browsers (UTS #46 nontransitional processing), so no punycode form is suggested for them.
   */
  private static final String IDNA_DEVIATIONS = "\u00DF\u03C2\u200D\u200C";

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
    int separator = entry.indexOf(SEPARATOR);
    if (separator < 0) {
      String fixed = normalize("https://" + entry.strip()).orElse("https://app.example.com");
      return new Invalid(Message.ORIGIN_NO_SCHEME, entry, fixed);
    }
    String scheme = entry.substring(0, separator);
    if (scheme.equalsIgnoreCase("file")) {
      return new Invalid(Message.ORIGIN_FILE_SCHEME, entry);
    }
    Optional<String> valid = normalize(entry).filter(fixed -> problem(fixed).isEmpty());
    if (!isAscii(hostOf(authorityOf(entry.substring(separator + SEPARATOR.length()))))
        && valid.isPresent()) {
      return new Invalid(Message.ORIGIN_NOT_PUNYCODE, entry, valid.get());
    }
    Optional<String> problem = problem(entry);
    if (problem.isPresent()) {
      String suggestion = valid.filter(fixed -> !fixed.equals(entry))
          .map(fixed -> " Write \"" + fixed + "\".")
          .orElse("");
      return new Invalid(Message.ORIGIN_MALFORMED, entry, problem.get(), suggestion);
    }
    String authority = entry.substring(separator + SEPARATOR.length());
    if (authority.indexOf('*') < 0) {
      return new Exact(entry);
    }
    if (!authority.startsWith("*.") || authority.indexOf('*', 1) >= 0) {
      return new Invalid(Message.ORIGIN_BAD_WILDCARD, entry);
    }
    String parent = hostOf(authority).substring(2);
    if (isPublicSuffix(parent)) {
      return new Invalid(Message.ORIGIN_PATTERN_PUBLIC_SUFFIX, entry, parent,
          scheme + SEPARATOR + "*.example." + authority.substring(2));
    }
    return new Pattern(new OriginPattern(scheme + SEPARATOR, authority.substring(1)));
  }

  /**
   * Whether every name under {@code domain} can be registered by anyone, judged by the Public
   * Suffix List (ICANN and private sections, so {@code github.io} counts) that Guava ships.
   */
  private static boolean isPublicSuffix(String domain) {
    return InternetDomainName.isValid(domain) && InternetDomainName.from(domain).isPublicSuffix();
  }

  /**
   * Whether a page at this origin reaches the server over plain http from somewhere other than
   * the local machine. Loopback hosts count as secure, as in the Secure Contexts standard's
   * "potentially trustworthy origin": their traffic never leaves the machine.
   */
  static boolean isCleartext(Parsed parsed) {
    if (parsed instanceof Exact exact) {
      return exact.origin().startsWith("http://")
          && !isLoopback(hostOf(exact.origin().substring("http://".length())));
    }
    if (parsed instanceof Pattern pattern) {
      return pattern.pattern().scheme().equals("http://")
          && !isLoopback("*" + hostOf(pattern.pattern().suffix()));
    }
    return false;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
        || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  }

  /** Whether {@code pattern} already allows the serialized origin {@code origin}. */
  static boolean covers(OriginPattern pattern, String origin) {
    return origin.length() > pattern.scheme().length() + pattern.suffix().length()
        && origin.startsWith(pattern.scheme())
        && origin.endsWith(pattern.suffix());
  }

  /** Whether {@code outer} allows every origin that the narrower {@code inner} allows. */
  static boolean covers(OriginPattern outer, OriginPattern inner) {
    return !outer.equals(inner) && inner.scheme().equals(outer.scheme())
        && inner.suffix().endsWith(outer.suffix());
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
    if (!host.startsWith("[") && !host.matches("[a-z0-9*_.-]+")) {
      return Optional.of("the host \"" + host + "\" has characters a host name cannot have");
    }
    if (host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
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
  static Optional<String> normalize(String entry) {
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
