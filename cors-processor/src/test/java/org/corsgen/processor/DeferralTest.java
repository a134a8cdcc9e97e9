package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Resources whose parameter types another processor generates (AutoValue, Immutables, MapStruct
 * DTOs): corsgen waits for the round in which they exist, so that the method key names them, and
 * writes their code in that round.
 */
class DeferralTest {

  /** Generates {@code test.Dto} in its first round, as a DTO-generating processor would. */
  static final class DtoProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("test.Dto").openWriter()) {
          out.write("package test; public class Dto {}");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void parameterTypeGeneratedByAnotherProcessorGetsItsFullName() {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(), new DtoProcessor())
        .compile(JavaFileObjects.forSourceLines("test.Res",
            "package test;",
            "",
            "import jakarta.ws.rs.PUT;",
            "import jakarta.ws.rs.Path;",
            "import org.corsgen.Cors;",
            "",
            "@Path(\"/res\")",
            "@Cors(origins = \"https://app.example.com\")",
            "public class Res {",
            "  @PUT public void put(Dto dto) {}",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Cors_Res").contentsAsUtf8String()
        .contains("case \"put(test.Dto)\" -> RES;");
  }

  @Test
  void resourcesOfOnePackageSeenInDifferentRoundsGetOneClassEach() {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(), new DtoProcessor())
        .compile(JavaFileObjects.forSourceLines("test.Res",
            "package test;",
            "",
            "import jakarta.ws.rs.PUT;",
            "import jakarta.ws.rs.Path;",
            "import org.corsgen.Cors;",
            "",
            "@Path(\"/res\")",
            "@Cors(origins = \"https://app.example.com\")",
            "public class Res {",
            "  @PUT public void put(Dto dto) {}",
            "}"),
            JavaFileObjects.forSourceLines("test.Ready",
            "package test;",
            "",
            "import jakarta.ws.rs.GET;",
            "import jakarta.ws.rs.Path;",
            "import org.corsgen.Cors;",
            "",
            "@Path(\"/ready\")",
            "@Cors(origins = \"https://app.example.com\")",
            "public class Ready {",
            "  @GET public String get() { return \"\"; }",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
    // Ready is written in the first round, Res only once Dto exists: two generated classes.
    assertThat(compilation).generatedSourceFile("test.Cors_Ready").contentsAsUtf8String()
        .doesNotContain("\"test.Res\"");
    assertThat(compilation).generatedSourceFile("test.Cors_Res").contentsAsUtf8String()
        .contains("case \"test.Res\" -> res(methodKey);");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/corsgen/index")
        .contentsAsUtf8String()
        .contains("test.Ready test.Cors_Ready\ntest.Res test.Cors_Res\n");
  }
}
