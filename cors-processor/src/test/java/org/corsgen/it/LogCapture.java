package org.corsgen.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what a {@code java.util.logging} logger and those below it publish, until closed. */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final Level previousLevel;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** @param level the level to switch the logger to, or {@code null} to leave it */
  LogCapture(String loggerName, Level level) {
    logger = Logger.getLogger(loggerName);
    previousLevel = logger.getLevel();
    if (level != null) {
      logger.setLevel(level);
    }
    logger.addHandler(handler);
  }

  List<LogRecord> records() {
    return records;
  }

  void clear() {
    records.clear();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
  }
}
