package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A compilation for a Java release older than the generated code needs gets one error that says
 * how to set the release, not errors inside generated files the user never wrote. Maven's
 * compiler plugin compiles for Java 8 unless told otherwise, so a new project meets this first.
 */
class SourceVersionTest {

  private static final JavaFileObject ITEMS = source("Items",
      "@Path(\"/items\")",
      "@Cors(origins = \"https://app.example.com\")",
      "public class Items {",
      "  @GET public String get() { return \"\"; }",
      "}");

  /** In a package of its own, so that the compilation would generate two classes. */
  private static final JavaFileObject ORDERS = JavaFileObjects.forSourceLines("other.Orders",
      "package other;",
      "",
      "import jakarta.ws.rs.*;",
      "import org.corsgen.Cors;",
      "",
      "@Path(\"/orders\")",
      "@Cors(origins = \"https://app.example.com\")",
      "public class Orders {",
      "  @GET public String get() { return \"\"; }",
      "}");

  @ParameterizedTest
  @ValueSource(strings = {"11", "16"})
  void anOlderReleaseIsOneErrorAndNothingIsGenerated(String release) {
    FilerRecordingProcessor processor = new FilerRecordingProcessor(new CorsProcessor());
    Compilation compilation = compile(processor, release);

    assertOnly(compilation, ORDERS, "public class Orders", Message.SOURCE_VERSION,
        "other.Orders", release);
    assertEquals(List.of(), processor.createdSources());
    assertEquals(List.of(), processor.createdResources());
  }

  @Test
  void release17Generates() {
    FilerRecordingProcessor processor = new FilerRecordingProcessor(new CorsProcessor());
    Compilation compilation = compile(processor, "17");

    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(List.of("other.Cors_Orders", "test.Cors_Items"), processor.createdSources());
    assertEquals(List.of("META-INF/corsgen/index", "META-INF/corsgen/packages/other/index.cors",
        "META-INF/corsgen/packages/test/index.cors", "META-INF/corsgen/cors-policies.json",
        "META-INF/corsgen/cors-policies.md"), processor.createdResources());
  }

  private static Compilation compile(FilerRecordingProcessor processor, String release) {
    return javac()
        .withProcessors(processor)
        .withOptions("--release", release)
        .compile(ITEMS, ORDERS);
  }
}
