package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.corsgen.runtime.spi.CorsBindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the index reads its files, and treats what it cannot use. */
class CorsIndexTest {

  @TempDir Path work;

  /**
   * A library compiled with an older corsgen carries a generated class of the older
   * {@code CorsBindings}: it must be refused with the version hint when the application starts,
   * not fail with an {@code AbstractMethodError} later.
   */
  @Test
  void classGeneratedAgainstAnotherCorsBindingsIsRefusedWithTheVersionHint() throws Exception {
    Path sources = work.resolve("src");
    write(sources.resolve("org/corsgen/runtime/spi/CorsBindings.java"),
        "package org.corsgen.runtime.spi;",
        "public interface CorsBindings { Object policyOrNull(String methodKey); }");
    write(sources.resolve("old/Cors_Items.java"),
        "package old;",
        "public final class Cors_Items implements org.corsgen.runtime.spi.CorsBindings {",
        "  public Object policyOrNull(String methodKey) { return null; }",
        "}");
    write(sources.resolve("old/Items.java"), "package old;", "public class Items {}");
    Path classes = work.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-d", classes.toString(),
        sources.resolve("org/corsgen/runtime/spi/CorsBindings.java").toString(),
        sources.resolve("old/Cors_Items.java").toString(),
        sources.resolve("old/Items.java").toString());
    assertTrue(status == 0, "compiled the old-shaped class");
    // Only the generated class and the resource stay: CorsBindings comes from this runtime.
    Files.delete(classes.resolve("org/corsgen/runtime/spi/CorsBindings.class"));
    write(classes.resolve(CorsBindings.INDEX), "old.Items old.Cors_Items");
    write(classes.resolve(CorsBindings.PACKAGE_INDEX + "old/" + CorsBindings.PACKAGE_INDEX_FILE),
        "old.Items old.Cors_Items");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        CorsIndexTest.class.getClassLoader())) {
      Class<?> resource = loader.loadClass("old.Items");
      CorsIndex index = new CorsIndex(key -> Optional.empty());
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> index.policyFor(resource, "get()"));
      assertTrue(refused.getMessage().contains("different corsgen version"),
          refused.getMessage());
    }
  }

  /** An editor's byte order mark, tabs and runs of spaces are read; other lines are named. */
  @Test
  void linesAreReadWhateverTheirSpacingAndOthersAreNamedInAWarning() throws Exception {
    Path file = work.resolve("index.cors");
    write(file, "\uFEFFp.A\tp.Cors_A", "  p.B   p.Cors_B  ", "# p.Z p.Cors_Z", "", "p.C",
        "p.D p.Cors_D extra");
    Map<String, String> read = new HashMap<>();
    List<String> warnings = warningsWhile(() -> CorsIndex.read(file.toUri().toURL(), read, true));
    assertEquals(Map.of("p.A", "p.Cors_A", "p.B", "p.Cors_B"), read);
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("corsgen: line 5 of " + file.toUri().toURL()),
        warnings.get(0));
    assertTrue(warnings.get(0).endsWith("left out, so the resource it was meant for gets no CORS:"
        + " \"p.C\". The processor writes these files; rebuild rather than edit them."),
        warnings.get(0));
    assertTrue(warnings.get(1).contains("line 6 of"), warnings.get(1));
  }

  /**
   * A jar from an earlier corsgen lists its resources only in {@value CorsBindings#INDEX}: the
   * runtime cannot use it, and says why rather than leaving start-up to blame the build.
   */
  @Test
  void aClassListedOnlyInTheOldIndexIsNamedInAWarning() throws Exception {
    Path sources = work.resolve("src");
    write(sources.resolve("old/Items.java"), "package old;", "public class Items {}");
    Path classes = work.resolve("classes");
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", classes.toString(), sources.resolve("old/Items.java").toString());
    assertEquals(0, status, "compiled the resource");
    write(classes.resolve(CorsBindings.INDEX), "old.Items old.Cors_Items");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        CorsIndexTest.class.getClassLoader())) {
      Class<?> resource = loader.loadClass("old.Items");
      CorsIndex index = new CorsIndex(key -> Optional.empty());
      List<String> warnings = warningsWhile(() -> {
        assertEquals(Optional.empty(), index.policyFor(resource, "get()"));
        assertEquals(Optional.empty(), index.policyFor(resource, "put()"));
      });
      assertEquals(List.of("corsgen: old.Items is listed in " + CorsBindings.INDEX
          + " but named in no " + CorsBindings.PACKAGE_INDEX + "old/"
          + CorsBindings.PACKAGE_INDEX_FILE + ", so it gets no CORS. Its classes were built by an"
          + " earlier corsgen version, or merged into one jar with another module's copy of that"
          + " file (maven-shade keeps the first; an AppendingTransformer for it keeps all)."
          + " Rebuild it with this version of cors-processor."), warnings);
    }
  }

  private interface Action {
    void run() throws Exception;
  }

  /** The warnings logged to {@code org.corsgen} while {@code action} runs, formatted. */
  private static List<String> warningsWhile(Action action) throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel() == java.util.logging.Level.WARNING) {
          warnings.add(new SimpleFormatter().formatMessage(record));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("org.corsgen");
    logger.addHandler(handler);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
    }
    return warnings;
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines));
  }
}
