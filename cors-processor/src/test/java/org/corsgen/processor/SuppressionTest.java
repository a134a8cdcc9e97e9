package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.source;

import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;

/** {@code @SuppressWarnings("<tag>")} silences warnings, and no error but the opt-in one. */
class SuppressionTest {

  private static JavaFileObject resourceWithDuplicateOrigin(String classAnnotation,
      String methodAnnotation) {
    return source("Res",
        "@Path(\"/res\")",
        classAnnotation,
        "public class Res {",
        "  @GET",
        "  @Cors(origins = {\"https://app.example.com\", \"https://app.example.com\"})",
        methodAnnotation,
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
  }

  @Test
  void warningIsSilencedByItsTagOnTheAnnotatedMethod() {
    assertClean(compile(resourceWithDuplicateOrigin("",
        "  @SuppressWarnings(\"CorsDuplicateOrigin\")")));
  }

  @Test
  void warningIsSilencedByItsTagOnTheEnclosingClass() {
    assertClean(compile(resourceWithDuplicateOrigin(
        "@SuppressWarnings({\"unused\", \"CorsDuplicateOrigin\"})", "")));
  }

  @Test
  void warningIsSilencedOnlyByItsOwnTag() {
    JavaFileObject source = resourceWithDuplicateOrigin("",
        "  @SuppressWarnings(\"CorsOriginCovered\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_DUPLICATE,
        "https://app.example.com");
  }

  @Test
  void silencedWarningStillGeneratesCode() {
    assertThat(compile(resourceWithDuplicateOrigin("",
        "  @SuppressWarnings(\"CorsDuplicateOrigin\")")))
        .generatedSourceFile("test.Cors_Res");
  }

  @Test
  void errorIsNotSilencedByItsTag() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"null\")",
        "@SuppressWarnings(\"CorsNullOrigin\")",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NULL);
  }

  @Test
  void insecureCredentialsAreNotSilencedBySuppressingAnotherMethod() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"http://intranet.example.com\", allowCredentials = true)",
        "public class Res {",
        "  @GET",
        "  @SuppressWarnings(\"CorsInsecureCredentials\")",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.INSECURE_CREDENTIALS,
        "http://intranet.example.com");
  }
}
