package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.corsgen.processor.ProcessorTests.source;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy read from a class file (a base class in a library jar) has no source line javac could
 * show, so the diagnostic itself says where the policy is.
 */
class ClassFileDiagnosticsTest {

  @TempDir
  Path library;

  @Test
  void diagnosticOnAPolicyInAClassFileNamesTheClass() throws IOException {
    compileLibrary(source("Base",
        "public abstract class Base {",
        "  @GET",
        "  @Cors(origins = \"https://app.example.com/\")",
        "  public String get() { return \"\"; }",
        "}"));
    List<File> classPath = new ArrayList<>(List.of(library.toFile()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    Compilation compilation = javac().withProcessors(new CorsProcessor())
        .withClasspath(classPath)
        .compile(source("Res", "@Path(\"/res\")", "public class Res extends Base {}"));
    assertThat(compilation).hadErrorContaining(Message.ORIGIN_MALFORMED.format(
        "https://app.example.com/", "it ends with a slash", " Write \"https://app.example.com\".")
        + " (On test.Base.get(), read from its class file.)");
    assertThat(compilation).hadErrorCount(1);
  }

  /** Compiles {@code source} without the processor, as a library would have been. */
  private void compileLibrary(JavaFileObject source) throws IOException {
    Compilation compilation = javac().withOptions("-proc:none").compile(source);
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        Path target = library.resolve(path.substring(path.indexOf("/CLASS_OUTPUT/") + 14));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
  }
}
