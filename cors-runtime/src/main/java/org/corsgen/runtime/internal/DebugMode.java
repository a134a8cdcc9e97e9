package org.corsgen.runtime.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.corsgen.runtime.CorsFeature;
import org.corsgen.runtime.internal.ConfiguredOrigins.Value;
import org.corsgen.runtime.spi.CorsHeaders;

/**
 * Whether a start answers refused preflights so that the browser can name the reason
 * ({@link PreflightEndpoint}), read once from {@link CorsFeature#DEBUG} where placeholders are
 * read ({@link ConfigurationLookup}).
 *
 * @param on whether debug mode is on
 * @param said what start-up logs about it, as a warning; empty when it is off by default or set
 *     to false
 */
record DebugMode(boolean on, String said) {

  static final DebugMode OFF = new DebugMode(false, "");

  /**
   * Reads the switch. A value other than {@code true} or {@code false} leaves it off, with a
   * warning: a misspelt debug switch must not stop an application, nor turn anything on.
   */
  static DebugMode read(Function<String, Optional<Value>> configuration) {
    Optional<Value> value = configuration.apply(CorsFeature.DEBUG);
    if (value.isEmpty()) {
      return OFF;
    }
    String text = value.get().text().strip().toLowerCase(Locale.ROOT);
    String from = value.get().from();
    return switch (text) {
      case "true" -> new DebugMode(true, "corsgen: debug mode is on (" + from + "): a preflight"
          + " refused for its method or its headers, from an origin that a policy at its URL"
          + " allows, is answered 204 with that policy's grants, which leave out what was asked,"
          + " so that the browser's console names the method or header at fault instead of a"
          + " missing Access-Control-Allow-Origin. Refusals then show as 204 in access logs; turn"
          + " it off once the policy is right");
      case "false" -> OFF;
      default -> new DebugMode(false, "corsgen: " + from + " is \""
          + CorsHeaders.forLog(value.get().text()) + "\", which is neither true nor false;"
          + " debug mode stays off");
    };
  }
}
