package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import org.corsgen.runtime.CorsFeature;
import org.corsgen.runtime.internal.ConfiguredOrigins.Value;
import org.junit.jupiter.api.Test;

class DebugModeTest {

  private static DebugMode read(String value) {
    return DebugMode.read(key -> Optional.ofNullable(Map.of(CorsFeature.DEBUG, value).get(key))
        .map(text -> new Value(text, "system property " + key)));
  }

  @Test
  void trueAndFalseAreReadIgnoringCaseAndSurroundingSpace() {
    assertTrue(read(" TRUE ").on());
    assertTrue(read("true").said().startsWith("corsgen: debug mode is on (system property"
        + " corsgen.debug): "));
    assertFalse(read("False").on());
    assertEquals("", read("false").said());
    assertFalse(DebugMode.read(key -> Optional.empty()).on());
  }

  /** In debug mode refusals are logged at INFO, but no more than a minute's share. */
  @Test
  void refusalsAreLoggedAtInfoOnlyInDebugModeAndAtMostSixtyAMinute() {
    assertEquals(Level.DEBUG, DebugMode.fixed(false).refusalLevel());
    DebugMode debug = DebugMode.fixed(true);
    long minute = 60_000_000_000L;
    for (int i = 0; i < DebugMode.REFUSALS_LOGGED_PER_MINUTE; i++) {
      assertEquals(Level.INFO, debug.refusalLevel(5 * minute + i), "refusal " + i);
    }
    assertEquals(Level.DEBUG, debug.refusalLevel(6 * minute - 1));
    assertEquals(Level.INFO, debug.refusalLevel(6 * minute), "a new minute");
    for (int i = 1; i < DebugMode.REFUSALS_LOGGED_PER_MINUTE; i++) {
      debug.refusalLevel(6 * minute + i);
    }
    assertEquals(Level.DEBUG, debug.refusalLevel(6 * minute - 1),
        "a time read before the minute changed does not start it again");
    assertEquals(Level.DEBUG, debug.refusalLevel(6 * minute + 5));
    DebugMode aroundZero = DebugMode.fixed(true);
    for (int i = 0; i < DebugMode.REFUSALS_LOGGED_PER_MINUTE; i++) {
      aroundZero.refusalLevel(-1 - i);
    }
    assertEquals(Level.INFO, aroundZero.refusalLevel(0), "-1 ns and 0 ns are other minutes");
    debug.set(false, "");
    assertEquals(Level.DEBUG, debug.refusalLevel(7 * minute));
  }
}
