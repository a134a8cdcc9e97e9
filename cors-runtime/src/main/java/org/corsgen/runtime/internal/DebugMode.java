package org.corsgen.runtime.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.corsgen.runtime.CorsFeature;
import org.corsgen.runtime.internal.ConfiguredOrigins.Value;
import org.corsgen.runtime.spi.CorsHeaders;

/**
 * One start's debug mode ({@link CorsFeature#DEBUG}): read at start-up where placeholders are
 * read ({@link ConfigurationLookup}), switched by {@link CorsFeature#setDebug}, and asked by
 * {@link PreflightEndpoint} at each refusal it could explain.
 */
final class DebugMode {

  private static final Logger LOG = System.getLogger("org.corsgen");

  /**
   * How many refusals a minute debug mode logs at {@code INFO}: enough to follow a page's
   * requests, too few for a flood of refusals to flood the log.
   */
  static final int REFUSALS_LOGGED_PER_MINUTE = 60;

  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final AtomicBoolean on;
  /** What start-up logs about it, as a warning; empty when it is off by default or set so. */
  private final String said;
  /** The minute refusals are being counted in, and how many were logged at INFO in it. */
  private long minute = Long.MIN_VALUE;
  private int loggedThisMinute;

  private DebugMode(boolean on, String said) {
    this.on = new AtomicBoolean(on);
    this.said = said;
  }

  /** A switch that start-up did not read, for endpoints made without Jersey. */
  static DebugMode fixed(boolean on) {
    return new DebugMode(on, "");
  }

  /**
   * Reads the switch. A value other than {@code true} or {@code false} leaves it off, with a
   * warning: a misspelt debug switch must not stop an application, nor turn anything on.
   */
  static DebugMode read(Function<String, Optional<Value>> configuration) {
    Optional<Value> value = configuration.apply(CorsFeature.DEBUG);
    if (value.isEmpty()) {
      return fixed(false);
    }
    String text = value.get().text().strip().toLowerCase(Locale.ROOT);
    String from = value.get().from();
    return switch (text) {
      case "true" -> new DebugMode(true, "corsgen: debug mode is on (" + from + "): a preflight"
          + " refused for its method or a header, from an origin that a policy at its URL allows,"
          + " is answered 204 with that policy's grants, which leave out what was asked, so that"
          + " the browser's console names it instead of a missing Access-Control-Allow-Origin"
          + " (where any browser could act on such an answer, the 403 stays); refusals are logged"
          + " at INFO, and show as 204 in access logs. For development: README, \"Debug mode\"");
      case "false" -> fixed(false);
      default -> new DebugMode(false, "corsgen: " + from + " is \""
          + CorsHeaders.forLog(value.get().text()) + "\", which is neither true nor false;"
          + " debug mode stays off");
    };
  }

  boolean on() {
    return on.get();
  }

  String said() {
    return said;
  }

  /**
   * Turns debug mode on or off from the next preflight on, and says so as a warning naming
   * {@code application}; returns whether it was on.
   */
  boolean set(boolean now, String application) {
    boolean was = on.getAndSet(now);
    LOG.log(Level.WARNING, "corsgen: debug mode " + (was == now ? "stays " : "turned ")
        + (now ? "on" : "off") + " at run time" + application
        + (now && !was ? "; preflights refused for a method or a header are answered so that the"
            + " browser's console names it (README, \"Debug mode\")" : ""));
    return was;
  }

  /**
   * The level to log a refusal at: {@code INFO} in debug mode, while fewer than
   * {@value #REFUSALS_LOGGED_PER_MINUTE} have been in this fixed 60-second window of
   * {@link System#nanoTime}, else {@code DEBUG}.
   */
  Level refusalLevel() {
    return refusalLevel(System.nanoTime());
  }

  /** As {@link #refusalLevel()}, at {@code nanoTime} as {@link System#nanoTime} tells it. */
  Level refusalLevel(long nanoTime) {
    if (!on.get()) {
      return Level.DEBUG;
    }
    long now = Math.floorDiv(nanoTime, MINUTE_NANOS);
    // Locked: only in debug mode, and the minute and its count must change together. A time read
    // before another thread moved to the next minute counts in that one.
    synchronized (this) {
      if (now > minute) {
        minute = now;
        loggedThisMinute = 0;
      }
      if (loggedThisMinute >= REFUSALS_LOGGED_PER_MINUTE) {
        return Level.DEBUG;
      }
      loggedThisMinute++;
      return Level.INFO;
    }
  }
}
