package org.corsgen.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a helper process of a part (javac, a measuring JVM) to its end. */
public final class Command {

  private Command() {}

  /**
   * Runs {@code command} with its error stream merged into its output and returns what it
   * printed; fails unless it exits with 0 within ten minutes.
   */
  public static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command.subList(0,
          Math.min(command.size(), 6))) + " ... failed:\n" + output);
    }
    return output;
  }
}
