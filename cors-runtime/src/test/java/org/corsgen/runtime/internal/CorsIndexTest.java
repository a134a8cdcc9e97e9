package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.corsgen.runtime.spi.CorsBindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the index treats generated classes it cannot use. */
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

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines));
  }
}
