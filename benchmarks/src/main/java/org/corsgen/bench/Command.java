package org.corsgen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a helper process of a part (javac, a measuring JVM) to its end. */
public final class Command {

  private static final long TIMEOUT_MINUTES = 10;

  private Command() {}

  /**
   * Runs {@code command} with its error stream merged into its output and returns what it
   * printed; fails unless it exits with 0, and ends it if it runs for more than ten minutes.
   * The output goes to a file, so that a silent process cannot keep this one waiting on a pipe.
   */
  public static String run(List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("corsgen-bench-", ".out");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      boolean ended = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
      if (!ended) {
        process.destroyForcibly().waitFor();
      }
      String printed = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
      if (!ended || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command.subList(0,
            Math.min(command.size(), 6))) + " ... "
            + (ended ? "exited with " + process.exitValue() : "ran past "
                + TIMEOUT_MINUTES + " minutes") + ":\n" + printed);
      }
      return printed;
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
