package org.corsgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure while one package's class is written (a bug corsgen did not foresee, or a full disk)
 * becomes one error on the element being processed, not an exception out of javac, and the other
 * packages still get their code and the index.
 */
class UnexpectedFailureTest {

  @TempDir
  Path work;

  @Test
  void failureWhileWritingOnePackageIsOneErrorAndTheOthersAreWritten() throws IOException {
    String error = compileFailingFor("broken.", new IllegalStateException("unforeseen"));
    assertTrue(error.startsWith("[CorsInternalError] corsgen failed on broken.Items:"
        + " java.lang.IllegalStateException: unforeseen at "), error);
    assertTrue(error.endsWith("This is a bug in corsgen; please report it with this message.")
        && !error.contains("\n"), "one line, as docs/rules.md shows it: " + error);
  }

  /** A full disk is no bug of corsgen's, and the message does not call it one. */
  @Test
  void fileThatCannotBeWrittenIsAWriteFailureNotABug() throws IOException {
    String error = compileFailingFor("broken.", new IOException("No space left on device"));
    assertEquals(Message.WRITE_FAILED.format("broken.Items",
        "java.io.IOException: No space left on device"), error);
  }

  /**
   * Compiles two resources in two packages, the Filer throwing {@code failure} for the class of
   * the package {@code failingPrefix} names: the one error, on that package's resource.
   */
  private String compileFailingFor(String failingPrefix, Exception failure) throws IOException {
    Path sources = Files.createDirectories(work.resolve("generated"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("-d", classes.toString(), "-s", sources.toString(),
              "-cp", System.getProperty("java.class.path")),
          null, List.of(resource("broken", "Items"), resource("fine", "Orders")));
      task.setProcessors(List.of(new FilerRecordingProcessor(new CorsProcessor(),
          name -> name.startsWith(failingPrefix), failure)));
      assertFalse(task.call());
    }

    List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .toList();
    assertEquals(1, errors.size(), errors::toString);
    String error = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(errors.get(0).getSource().getName().endsWith("Items.java"));
    assertTrue(Files.exists(sources.resolve("fine/Cors_Orders.java")));
    assertEquals(List.of("fine.Orders fine.Cors_Orders"),
        Files.readAllLines(classes.resolve("META-INF/corsgen/index")).stream()
            .filter(line -> !line.startsWith("#")).toList());
    return error;
  }

  private static JavaFileObject resource(String pkg, String name) {
    return JavaFileObjects.forSourceLines(pkg + "." + name,
        "package " + pkg + ";",
        "import jakarta.ws.rs.*;",
        "import org.corsgen.Cors;",
        "@Path(\"/" + name.toLowerCase(Locale.ROOT) + "\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class " + name + " {",
        "  @GET public String get() { return \"\"; }",
        "}");
  }
}
