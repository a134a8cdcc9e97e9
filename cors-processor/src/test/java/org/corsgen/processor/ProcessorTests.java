package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;

/** Sources and assertions shared by the compile-testing tests of the processor. */
final class ProcessorTests {

  private ProcessorTests() {}

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new CorsProcessor()).compile(sources);
  }

  /**
   * {@code test.Res}, a root resource at {@code /res} serving GET and PUT, annotated with the
   * given {@code @Cors} lines (one item per line, so a diagnostic's line names the item).
   */
  static JavaFileObject resource(String... corsLines) {
    List<String> lines = new ArrayList<>();
    lines.add("@Path(\"/res\")");
    lines.addAll(List.of(corsLines));
    lines.addAll(List.of(
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "",
        "  @PUT",
        "  public void put(String body) {}",
        "}"));
    return source("Res", lines.toArray(new String[0]));
  }

  /** A class {@code test.<simpleName>} importing JAX-RS and {@code @Cors}. */
  static JavaFileObject source(String simpleName, String... body) {
    List<String> lines = new ArrayList<>(List.of(
        "package test;",
        "",
        "import jakarta.ws.rs.*;",
        "import org.corsgen.Cors;",
        ""));
    lines.addAll(List.of(body));
    return JavaFileObjects.forSourceLines("test." + simpleName, lines);
  }

  /**
   * Asserts that {@code message} is the compilation's only diagnostic, with its kind and text, on
   * the line of {@code source} containing {@code line}.
   */
  static void assertOnly(Compilation compilation, JavaFileObject source, String line,
      Message message, Object... args) {
    String text = message.format(args);
    boolean error = message.kind() == Diagnostic.Kind.ERROR;
    if (error) {
      assertThat(compilation).hadErrorContaining(text).inFile(source).onLineContaining(line);
    } else {
      assertThat(compilation).succeeded();
      assertThat(compilation).hadWarningContaining(text).inFile(source).onLineContaining(line);
    }
    assertThat(compilation).hadErrorCount(error ? 1 : 0);
    assertThat(compilation).hadWarningCount(error ? 0 : 1);
    assertThat(compilation).hadNoteCount(0);
  }

  /** Asserts that the compilation succeeded with no diagnostic at all. */
  static void assertClean(Compilation compilation) {
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteCount(0);
  }

  /** Loads the classes a compile-testing compilation wrote, over the test's own class path. */
  static final class GeneratedClasses extends ClassLoader {
    private final Compilation compilation;

    GeneratedClasses(Compilation compilation) {
      super(ProcessorTests.class.getClassLoader());
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = "/CLASS_OUTPUT/" + name.replace('.', '/') + ".class";
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.toUri().getPath().endsWith(path)) {
          try (InputStream in = file.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
      }
      throw new ClassNotFoundException(name);
    }
  }
}
