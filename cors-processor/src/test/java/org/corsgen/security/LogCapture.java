package org.corsgen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what Jersey, Grizzly and corsgen log while a test runs. All three reach
 * java.util.logging: Jersey and Grizzly log there directly, corsgen through {@code
 * System.Logger}, whose default back end it is. Only records with an exception or at {@code
 * WARNING} and above are kept, so that memory stays flat under load.
 */
final class LogCapture extends Handler implements AutoCloseable {

  private static final Logger ROOT = Logger.getLogger("");
  private static final Logger CORSGEN = Logger.getLogger("org.corsgen");

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final AtomicLong corsgenRefusals = new AtomicLong();
  private final Level previousCorsgenLevel;

  /** Captures with corsgen's refusals ({@code DEBUG}, JUL's {@code FINE}) logged too. */
  LogCapture() {
    this(true);
  }

  /**
   * @param corsgenRefusals whether to switch corsgen's refusal logging on, so that the logging
   *     of hostile values runs too
   */
  LogCapture(boolean corsgenRefusals) {
    setLevel(Level.ALL);
    previousCorsgenLevel = CORSGEN.getLevel();
    if (corsgenRefusals) {
      CORSGEN.setLevel(Level.FINE);
    }
    ROOT.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getThrown() != null || record.getLevel().intValue() >= Level.WARNING.intValue()) {
      records.add(record);
    }
    if ("org.corsgen".equals(record.getLoggerName()) && record.getLevel() == Level.FINE) {
      corsgenRefusals.incrementAndGet();
    }
  }

  /** Fails when anything was logged with an exception, or at {@code SEVERE}. */
  void assertNoException() {
    List<String> bad = records.stream()
        .filter(r -> r.getThrown() != null || r.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
            + (r.getThrown() == null ? "" : " " + r.getThrown()))
        .toList();
    assertEquals(List.of(), bad, "exceptions or errors in the log");
  }

  /** How many records corsgen logged at {@code FINE} (its refusals). */
  long corsgenRefusals() {
    return corsgenRefusals.get();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    ROOT.removeHandler(this);
    CORSGEN.setLevel(previousCorsgenLevel);
  }
}
