package org.corsgen.processor.validation;

import java.util.Optional;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.model.OriginPattern;
import org.corsgen.runtime.spi.OriginPatterns;
import org.corsgen.runtime.spi.OriginSyntax.Entry;
import org.corsgen.runtime.spi.OriginSyntax.Problem;

/**
 * The compile-time view of one {@code origins} entry: the runtime's {@code OriginSyntax} decides
 * what the entry is (the same code checks origins from configuration at start-up), this class
 * turns its verdict into a {@link Message} and adds the check that needs the Public Suffix List,
 * which only the processor carries.
 */
final class OriginSyntax {

  /** What one entry is. */
  sealed interface Parsed {}

  /** {@code "*"}. */
  record AnyOrigin() implements Parsed {}

  /** A serialized origin, compared byte for byte. */
  record Exact(String origin) implements Parsed {}

  /** A subdomain pattern or a port wildcard. */
  record Pattern(OriginPattern pattern) implements Parsed {}

  /** Not an origin a browser sends; {@code args} complete the message. */
  record Invalid(Message message, Object... args) implements Parsed {}

  private OriginSyntax() {}

  /**
   * Parses one entry of a policy that allows {@code credentials} or not, which decides whether a
   * plain-http origin is a fix to suggest, as being {@code alone} in {@code origins} decides for
   * {@code "*"}.
   */
  static Parsed parse(String entry, boolean credentials, boolean alone) {
    Entry parsed = org.corsgen.runtime.spi.OriginSyntax.parse(entry);
    if (parsed instanceof org.corsgen.runtime.spi.OriginSyntax.Invalid invalid) {
      return invalid(entry, invalid, credentials, alone);
    }
    if (parsed instanceof org.corsgen.runtime.spi.OriginSyntax.Exact exact) {
      return new Exact(exact.origin());
    }
    if (parsed instanceof org.corsgen.runtime.spi.OriginSyntax.Pattern pattern
        && !pattern.subdomains()) {
      // A host on any port: the same site as the host alone, so no list to check it against.
      return new Pattern(new OriginPattern(pattern.scheme(), pattern.suffix(), true));
    }
    if (parsed instanceof org.corsgen.runtime.spi.OriginSyntax.Pattern pattern) {
      String parent = pattern.parentHost();
      if (PublicSuffixes.isPublicSuffix(parent)) {
        return new Invalid(Message.ORIGIN_PATTERN_PUBLIC_SUFFIX, entry, parent,
            pattern.overOwnDomain());
      }
      Optional<String> below = PublicSuffixes.ruleBelow(parent);
      if (below.isPresent()) {
        return new Invalid(Message.ORIGIN_PATTERN_ABOVE_PUBLIC_SUFFIX, entry, parent,
            below.get());
      }
      Optional<String> shared = SharedHosts.under(parent);
      if (shared.isPresent()) {
        return new Invalid(Message.ORIGIN_PATTERN_SHARED_HOST, entry, parent, shared.get());
      }
      if (pattern.overTopLevelName()) {
        // Not on the list yet, but a top-level name all the same; the runtime refuses it in
        // configured origins, so a default must not compile that start-up would refuse.
        return new Invalid(Message.ORIGIN_PATTERN_TOP_LEVEL, entry, parent,
            pattern.overOwnDomain());
      }
      return new Pattern(new OriginPattern(pattern.scheme(), pattern.suffix(),
          pattern.anyPort()));
    }
    return new AnyOrigin();
  }

  private static Invalid invalid(String entry, org.corsgen.runtime.spi.OriginSyntax.Invalid invalid,
      boolean credentials, boolean alone) {
    Optional<String> fix = invalid.problem() == Problem.NOT_PUNYCODE
        || invalid.problem() == Problem.JOINED
        ? invalid.fix()
        : invalid.fix().filter(fixed -> isAccepted(fixed, credentials, alone));
    return switch (invalid.problem()) {
      case BLANK -> new Invalid(Message.ORIGIN_BLANK);
      case NULL -> new Invalid(Message.ORIGIN_NULL);
      case FILE_SCHEME -> new Invalid(Message.ORIGIN_FILE_SCHEME, entry);
      case NO_SCHEME -> new Invalid(Message.ORIGIN_NO_SCHEME, entry, fix
          .map(fixed -> " Write \"" + fixed + "\".")
          .orElse(" Write the origin of the page, such as \"https://app.example.com\"."));
      // The punycode form may have a problem of its own (a pattern over a public suffix): then
      // that is the one to name, rather than a fix that would fail next.
      case NOT_PUNYCODE -> parse(fix.orElseThrow(), credentials, alone)
          instanceof Invalid problem
          ? problem
          : new Invalid(Message.ORIGIN_NOT_PUNYCODE, entry, fix.orElseThrow());
      case MALFORMED -> new Invalid(Message.ORIGIN_MALFORMED, entry, invalid.detail(),
          fix.map(fixed -> " Write \"" + fixed + "\".").orElse(""));
      case JOINED -> new Invalid(Message.ORIGIN_MALFORMED, entry,
          invalid.detail() + "; each origin is an item of its own",
          fix.map(array -> " Write " + array + ".").orElse(""));
      case BAD_WILDCARD -> new Invalid(Message.ORIGIN_BAD_WILDCARD, entry);
      case NOT_A_PAGE -> new Invalid(Message.ORIGIN_NOT_A_PAGE, entry, invalid.detail(),
          fix.map(fixed -> " Write \"" + fixed + "\" if that is where the page comes from.")
              .orElse(""));
    };
  }

  /**
   * Whether {@code fix} passes every rule the entry it corrects must pass: the syntax's fix for a
   * subdomain pattern can be one over a public suffix ({@code *.co.uk}), the http origin for a
   * ws: one plain http, which credentials refuse, and {@code "*"} stands only alone and never
   * with credentials.
   */
  private static boolean isAccepted(String fix, boolean credentials, boolean alone) {
    Parsed parsed = parse(fix, credentials, alone);
    if (parsed instanceof AnyOrigin) {
      return alone && !credentials;
    }
    return (parsed instanceof Exact || parsed instanceof Pattern)
        && !(credentials && isCleartext(parsed));
  }


  /**
   * Whether {@code entry} is several origins in one string, as the runtime's parser tells it.
   */
  static boolean isJoined(String entry) {
    return org.corsgen.runtime.spi.OriginSyntax.parse(entry)
        instanceof org.corsgen.runtime.spi.OriginSyntax.Invalid invalid
        && invalid.problem() == org.corsgen.runtime.spi.OriginSyntax.Problem.JOINED;
  }

  /**
   * Whether a page at this origin reaches the server over plain http from somewhere other than
   * the local machine (the runtime applies the same rule to configured origins).
   */
  static boolean isCleartext(Parsed parsed) {
    if (parsed instanceof Exact exact) {
      return org.corsgen.runtime.spi.OriginSyntax.isCleartext(
          new org.corsgen.runtime.spi.OriginSyntax.Exact(exact.origin()));
    }
    if (parsed instanceof Pattern pattern) {
      return org.corsgen.runtime.spi.OriginSyntax.isCleartext(
          new org.corsgen.runtime.spi.OriginSyntax.Pattern(pattern.pattern().scheme(),
              pattern.pattern().suffix(), pattern.pattern().anyPort()));
    }
    return false;
  }

  /**
   * Whether {@code pattern} already allows the serialized origin {@code origin}: asked of the
   * runtime's matcher, so that the warning can never disagree with what is served.
   */
  static boolean covers(OriginPattern pattern, String origin) {
    if (!pattern.anyPort()) {
      return OriginPatterns.matchesSubdomain(origin, pattern.scheme(), pattern.suffix());
    }
    return pattern.subdomains()
        ? OriginPatterns.matchesSubdomainOnAnyPort(origin, pattern.scheme(), pattern.suffix())
        : OriginPatterns.matchesHostOnAnyPort(origin, pattern.scheme() + pattern.suffix());
  }

  /** Whether {@code outer} allows every origin that the narrower {@code inner} allows. */
  static boolean covers(OriginPattern outer, OriginPattern inner) {
    // No pattern covers itself or one of another scheme, one with a fixed port or none covers
    // one on any port, and a host on any port covers no pattern (only exact origins, which the
    // other covers tells).
    if (outer.equals(inner) || !inner.scheme().equals(outer.scheme())
        || inner.anyPort() && !outer.anyPort() || !outer.subdomains()) {
      return false;
    }
    if (!outer.anyPort()) {
      return inner.subdomains() && inner.suffix().endsWith(outer.suffix());
    }
    // Any port: what inner allows before its port must be under outer's suffix (a host that
    // ends with it has a label before it: hosts do not start with a dot).
    return hostOf(inner.suffix()).endsWith(outer.suffix());
  }

  /** {@code suffix} without its port: {@code .example.com} for {@code .example.com:8443}. */
  private static String hostOf(String suffix) {
    int colon = suffix.lastIndexOf(':');
    return colon < 0 || suffix.endsWith("]") ? suffix : suffix.substring(0, colon);
  }
}
