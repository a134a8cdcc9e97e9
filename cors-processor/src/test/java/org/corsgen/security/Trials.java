package org.corsgen.security;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test harness: runs a check on many generated inputs from one seed and, when
 * a check fails, reports the seed, the try and the input so that the failure can be replayed.
 *
 * <p>{@code -Dcorsgen.security.tries=N} sets how many inputs each in-process property gets
 * (default {@value #DEFAULT_TRIES}; properties over HTTP get a tenth); {@code
 * -Dcorsgen.security.seed=S} replays a reported run. See SECURITY.md.
 */
final class Trials {

  static final int DEFAULT_TRIES = 2_000;

  private Trials() {}

  /** How many inputs a property over in-process calls gets. */
  static int tries() {
    return Integer.getInteger("corsgen.security.tries", DEFAULT_TRIES);
  }

  /** How many inputs a property over HTTP gets: each one is a round trip. */
  static int httpTries() {
    return Math.max(1, tries() / 10);
  }

  /** Checks {@code property} on {@code tries} inputs made by {@code generator}. */
  static <T> void forAll(int tries, Function<SplittableRandom, T> generator, Consumer<T> property) {
    long seed = Long.getLong("corsgen.security.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < tries; i++) {
      T input = generator.apply(random);
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("property failed on try " + (i + 1) + " of " + tries
            + " (replay with -Dcorsgen.security.seed=" + seed + ") for input "
            + abbreviate(String.valueOf(input)) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Long inputs are shown by their start, end and length, so a report stays readable. */
  static String abbreviate(String s) {
    return s.length() <= 400
        ? s
        : s.substring(0, 200) + "...(" + s.length() + " chars)..." + s.substring(s.length() - 100);
  }
}
