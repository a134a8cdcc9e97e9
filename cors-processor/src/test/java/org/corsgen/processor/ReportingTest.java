package org.corsgen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.resource;
import static org.corsgen.processor.ProcessorTests.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;

/** How diagnostics are reported over a compilation: all of them, and code only for clean classes. */
class ReportingTest {

  private static final JavaFileObject BAD = source("Bad",
      "@Path(\"/bad\")",
      "@Cors(",
      "    origins = \"https://bad.example.com/\",",
      "    allowHeaders = \"Access-Control-Allow-Origin\",",
      "    maxAge = -5)",
      "public class Bad {",
      "  @GET",
      "  public String get() {",
      "    return \"\";",
      "  }",
      "",
      "  @PUT",
      "  @Cors(origins = \"null\", methods = \"put\")",
      "  public void put(String body) {}",
      "}");

  private static final JavaFileObject GOOD = source("Good",
      "@Path(\"/good\")",
      "@Cors(origins = \"https://app.example.com\", maxAge = 100000)",
      "public class Good {",
      "  @GET",
      "  public String get() {",
      "    return \"\";",
      "  }",
      "}");

  @Test
  void everyErrorOfEveryPolicyIsReported() {
    Compilation compilation = compile(BAD);
    assertThat(compilation).hadErrorContaining(Message.ORIGIN_MALFORMED.format(
            "https://bad.example.com/", "it ends with a slash",
            " Write \"https://bad.example.com\"."))
        .inFile(BAD).onLineContaining("bad.example.com/");
    assertThat(compilation).hadErrorContaining(
            Message.ALLOW_RESPONSE_HEADER.format("Access-Control-Allow-Origin"))
        .inFile(BAD).onLineContaining("allowHeaders");
    assertThat(compilation).hadErrorContaining(Message.MAX_AGE_NEGATIVE.format(-5))
        .inFile(BAD).onLineContaining("maxAge");
    assertThat(compilation).hadErrorContaining(Message.ORIGIN_NULL.format())
        .inFile(BAD).onLineContaining("\"null\"");
    assertThat(compilation).hadErrorContaining(Message.METHOD_CASE.format("put", "PUT"))
        .inFile(BAD).onLineContaining("\"null\"");
    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void classWithErrorsGetsNoCodeWhileOthersDo() {
    FilerRecordingProcessor processor = new FilerRecordingProcessor(new CorsProcessor());
    Compilation compilation = javac().withProcessors(processor).compile(BAD, GOOD);
    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation).hadWarningContaining(Message.MAX_AGE_ABOVE_CAP.format(100000))
        .inFile(GOOD).onLineContaining("maxAge");
    assertThat(compilation).hadWarningCount(1);
    assertThat(processor.createdSources()).containsExactly("test.Cors_Good");
  }

  @Test
  void diagnosticOfAnInheritedPolicyIsReportedOnce() {
    JavaFileObject base = source("Base",
        "@Cors(origins = \"null\")",
        "public abstract class Base {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public String helper() {",
        "    return \"\";",
        "  }",
        "}");
    Compilation compilation = compile(base,
        source("First", "@Path(\"/first\")", "public class First extends Base {}"),
        source("Second", "@Path(\"/second\")", "public class Second extends Base {}"));
    assertThat(compilation).hadErrorContaining(Message.ORIGIN_NULL.format())
        .inFile(base).onLineContaining("\"null\"");
    assertThat(compilation).hadErrorContaining(
            Message.NOT_A_RESOURCE_METHOD.format("test.Base.helper()"))
        .inFile(base).onLineContaining("app.example.com");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void valueJavacCannotResolveIsLeftToJavac() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(",
        "    origins = {\"https://app.example.com\", UNKNOWN_ORIGIN},",
        "    allowCredentials = UNKNOWN_FLAG,",
        "    methods = UNKNOWN_METHODS,",
        "    maxAge = UNKNOWN_AGE)",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(source).onLineContaining("UNKNOWN_ORIGIN");
    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(source).onLineContaining("UNKNOWN_FLAG");
    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(source).onLineContaining("UNKNOWN_METHODS");
    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(source).onLineContaining("UNKNOWN_AGE");
    assertThat(compilation).hadErrorCount(4);
  }

  @Test
  void unresolvedItemOfAnArrayIsLeftToJavac() {
    JavaFileObject source =
        resource("@Cors(origins = {\"https://app.example.com\", Origins.UNKNOWN})");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(source).onLineContaining("Origins.UNKNOWN");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void originWrittenAsTheTextJavacUsesForUnresolvedValuesIsStillValidated() {
    JavaFileObject source = resource("@Cors(origins = \"<error>\")");
    assertThat(compile(source)).hadErrorContaining("[Cors").inFile(source)
        .onLineContaining("<error>");
  }

  @Test
  void supertypeJavacCannotResolveIsLeftToJavac() {
    JavaFileObject source = source("Res",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res implements MissingApi {}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(source).onLineContaining("MissingApi");
    assertThat(compilation).hadErrorCount(1);
  }
}
