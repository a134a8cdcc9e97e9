package org.corsgen.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.corsgen.runtime.spi.CorsPolicy;
import org.corsgen.runtime.spi.CorsPolicy.Placeholder;
import org.corsgen.runtime.spi.OriginSet;
import org.corsgen.runtime.spi.OriginSyntax;

/**
 * Resolves the {@code ${key}} origins of a policy when an application starts, checking every
 * configured origin with the rules the processor applies to literal ones ({@link OriginSyntax}),
 * plus the two that only a value can break: {@code *} alone and never with credentials, and no
 * plain-http origin from another machine with credentials.
 */
final class ConfiguredOrigins {

  /**
   * A value found for a placeholder.
   *
   * @param text the comma-separated origins, or for a {@code check} what it is, for logs
   * @param from where it was found, such as {@code system property cors.origins}
   * @param check for a JAX-RS property that is a {@code Predicate<String>}, the predicate, which
   *     decides per request; otherwise {@code null}
   */
  record Value(String text, String from, Predicate<String> check) {
    Value(String text, String from) {
      this(text, from, null);
    }
  }

  private ConfiguredOrigins() {}

  /** The environment variable for a key: upper case, dots and dashes as underscores. */
  static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * {@code policy} with its placeholders replaced by the origins {@code lookup} finds for them, or
   * their defaults; {@code policy} itself when it has none.
   *
   * @throws IllegalStateException naming the policy, the key, the value, where it came from and
   *     the rule broken, when a value is missing or is not a valid list of origins
   */
  static CorsPolicy resolve(CorsPolicy policy, Function<String, Optional<Value>> lookup) {
    if (policy.placeholders().isEmpty()) {
      return policy;
    }
    OriginSet.Builder configured = OriginSet.builder();
    List<CorsPolicy.OriginMatcher> checks = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    boolean any = false;
    for (Placeholder placeholder : policy.placeholders()) {
      Value value = lookup.apply(placeholder.key())
          .or(() -> placeholder.defaultValue()
              .map(text -> new Value(text, "the default in " + placeholder)))
          .orElseThrow(() -> missing(policy, placeholder));
      if (value.check() != null) {
        checks.add(new RequestTimeOrigins(policy.source() + ", origins placeholder "
            + placeholder, value.check(), policy.allowsCredentials()));
        listed.add(placeholder.key() + "=" + value.text() + " (" + value.from()
            + ", asked at each request)");
        continue;
      }
      if (value.text().isBlank()) {
        // Often a variable a deployment file sets to nothing: say what that means here.
        throw bad(policy, placeholder, value, placeholder.defaultValue().isPresent()
            ? "an empty value is set all the same, so the default does not apply. Set it to a"
                + " comma-separated list of origins such as https://app.example.com, or remove"
                + " it to use the default"
            : "it lists no origin, so no page could use this resource. Set it to a"
                + " comma-separated list of origins such as https://app.example.com");
      }
      String[] entries = value.text().split(",", -1);
      // Whether "*" would be accepted in place of an entry: alone, and without credentials.
      boolean anyOriginFits = !policy.allowsCredentials() && policy.placeholders().size() == 1
          && !policy.hasLiteralOrigins()
          && Arrays.stream(entries).filter(other -> !other.isBlank()).count() == 1;
      for (String raw : entries) {
        String entry = raw.strip();
        OriginSyntax.Entry parsed = OriginSyntax.parse(entry);
        if (parsed instanceof OriginSyntax.Invalid invalid) {
          throw bad(policy, placeholder, value, "\"" + entry + "\" in it "
              + describe(invalid, policy.allowsCredentials(), anyOriginFits));
        } else if (policy.allowsCredentials() && OriginSyntax.isCleartext(parsed)) {
          throw bad(policy, placeholder, value, "\"" + entry + "\" in it is plain http on another"
              + " machine while allowCredentials = true: an active network attacker could read"
              + " the credentialed responses. Use https, or a loopback origin for development");
        } else if (parsed instanceof OriginSyntax.AnyOrigin) {
          if (policy.allowsCredentials()) {
            throw bad(policy, placeholder, value, "\"*\" cannot allow credentials: browsers"
                + " reject \"Access-Control-Allow-Origin: *\" on credentialed requests. List the"
                + " origins instead");
          }
          if (policy.placeholders().size() > 1 || policy.hasLiteralOrigins()
              || Arrays.stream(entries).filter(other -> !other.isBlank()).count() > 1) {
            throw bad(policy, placeholder, value, "\"*\" stands beside other origins, which"
                + " then mean nothing. Set either \"*\" alone or only the origins");
          }
          any = true;
        } else if (parsed instanceof OriginSyntax.Exact origin) {
          configured.exact(origin.origin());
        } else if (parsed instanceof OriginSyntax.Pattern pattern) {
          // The runtime carries no Public Suffix List; a pattern directly over a top-level name
          // is the one case it can still tell, and the worst. The processor refuses it too.
          if (pattern.overTopLevelName()) {
            throw bad(policy, placeholder, value, "\"" + entry + "\" in it allows every site"
                + " under the top-level name \"" + pattern.parentHost() + "\", where anyone can"
                + " register one. Name your own domain, as in \"" + pattern.overOwnDomain()
                + "\"");
          }
          if (!pattern.anyPort()) {
            configured.subdomains(pattern.scheme(), pattern.suffix());
          } else if (pattern.subdomains()) {
            configured.subdomainsOnAnyPort(pattern.scheme(), pattern.suffix());
          } else {
            configured.hostOnAnyPort(pattern.scheme(), pattern.suffix());
          }
        }
      }
      // Where the value came from, for the start-up log: a deployment running on a default
      // because its variable is missing looks just like one that set it.
      listed.add(placeholder.key() + "=" + value.text().strip() + " (" + value.from() + ")");
    }
    if (any) {
      return policy.withAnyOrigin(listed);
    }
    OriginSet fixed = configured.build();
    if (checks.isEmpty()) {
      return policy.withConfiguredOrigins(listed, fixed);
    }
    // The fixed origins first: they cost nothing, and the application's check may.
    CorsPolicy.OriginMatcher[] asked = checks.toArray(new CorsPolicy.OriginMatcher[0]);
    return policy.withConfiguredOrigins(listed, origin -> {
      if (fixed.matches(origin)) {
        return true;
      }
      for (CorsPolicy.OriginMatcher check : asked) {
        if (check.matches(origin)) {
          return true;
        }
      }
      return false;
    });
  }

  private static IllegalStateException missing(CorsPolicy policy, Placeholder placeholder) {
    return new IllegalStateException(policy.source() + ": origins placeholder " + placeholder
        + " has no value. Set the JAX-RS property or the system property " + placeholder.key()
        + ", or the environment variable " + environmentName(placeholder.key())
        + ", to a comma-separated list of origins such as https://app.example.com, or give a"
        + " default: ${" + placeholder.key() + ":https://app.example.com}.");
  }

  private static IllegalStateException bad(CorsPolicy policy, Placeholder placeholder,
      Value value, String problem) {
    return new IllegalStateException(policy.source() + ": origins placeholder " + placeholder
        + " is \"" + value.text() + "\" (from " + value.from() + "), and " + problem + ".");
  }

  private static String describe(OriginSyntax.Invalid invalid, boolean credentials,
      boolean anyOriginFits) {
    String what = switch (invalid.problem()) {
      case BLANK -> "is empty: remove the comma that leaves it";
      case NULL -> "is \"null\", which sandboxed iframes, file: pages and redirects send, so any"
          + " site can forge it";
      case FILE_SCHEME -> "is a file: URL; browsers send \"null\" for file: pages";
      case NO_SCHEME -> "has no scheme; browsers send scheme://host[:port]";
      case NOT_PUNYCODE -> "has a non-ASCII host, which browsers send in punycode";
      case MALFORMED -> "is not a serialized origin (" + invalid.detail() + ")";
      // Commas have split the value already: what is left is separated otherwise.
      case JOINED -> "holds several origins in one entry; separate them with commas";
      case BAD_WILDCARD -> "has a wildcard other than a leading \"*.\" label in the host or"
          + " \":*\" as the port";
      case NOT_A_PAGE -> "is never a page's origin (" + invalid.detail() + ")";
    };
    return invalid.problem() == OriginSyntax.Problem.JOINED
        ? what
        : what + invalid.fix().filter(fix -> isAccepted(fix, credentials, anyOriginFits))
            .map(fix -> "; write \"" + fix + "\"").orElse("");
  }

  /**
   * Whether start-up would accept {@code fix} as an entry of a policy that allows
   * {@code credentials} or not: the punycode form of a pattern can be one over a top-level name
   * ({@code https://*.рф}), and the http origin for a ws: one is plain http, neither of which is
   * a fix to suggest; {@code "*"}, for another library's {@code *:*}, only where it
   * {@code anyOriginFits}.
   */
  private static boolean isAccepted(String fix, boolean credentials, boolean anyOriginFits) {
    OriginSyntax.Entry parsed = OriginSyntax.parse(fix);
    if (parsed instanceof OriginSyntax.AnyOrigin) {
      return anyOriginFits;
    }
    return (parsed instanceof OriginSyntax.Exact
        || parsed instanceof OriginSyntax.Pattern pattern && !pattern.overTopLevelName())
        && !(credentials && OriginSyntax.isCleartext(parsed));
  }
}
