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
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resources whose parameter types another processor generates (AutoValue, Immutables, MapStruct
 * DTOs): corsgen waits for the round in which they exist, so that the method key names them, and
 * writes their code in that round.
 */
class DeferralTest {

  /** Generates {@code test.Dto} in its first round, as a DTO-generating processor would. */
  static final class DtoProcessor extends AbstractProcessor {
    private final String name;
    private final String source;
    private boolean done;

    DtoProcessor() {
      this("test.Dto", "package test; public class Dto {}");
    }

    DtoProcessor(String name, String source) {
      this.name = name;
      this.source = source;
    }

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
        try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          out.write(source);
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

  /** The headers a bean reads are checked against the policy: its class is waited for too. */
  @ParameterizedTest
  @ValueSource(strings = {
      "  @BeanParam GenBean bean;\n  @GET public String get() { return \"\"; }",
      "  public Res(@BeanParam GenBean bean) {}\n  @GET public String get() { return \"\"; }",
      "  @GET public String get(@BeanParam Own bean) { return \"\"; }"})
  void beanParamClassGeneratedByAnotherProcessorIsWaitedFor(String members) {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(), new DtoProcessor("test.GenBean",
            "package test; public class GenBean {"
                + " @jakarta.ws.rs.HeaderParam(\"X-Gen\") public String gen; }"))
        .compile(ProcessorTests.source("Own",
                "public class Own extends GenBean { @BeanParam public GenBean nested; }"),
            ProcessorTests.source("Res",
                "@Path(\"/res\")",
                "@Cors(origins = \"https://app.example.com\")",
                "public class Res {",
                members,
                "}"));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("reads the request header \"X-Gen\"");
  }

  @Test
  void originConstantGeneratedByAnotherProcessorIsWaitedFor() {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(), new DtoProcessor("test.Origins",
            "package test; public class Origins {"
                + " public static final String APP = \"https://app.example.com\"; }"))
        .compile(ProcessorTests.resource(
            "@Cors(origins = {\"https://admin.example.com\", Origins.APP})"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Cors_Res").contentsAsUtf8String()
        .contains("\"https://app.example.com\"");
  }

  /** The policy in effect comes from a supertype, class-level or on an overridden method. */
  @ParameterizedTest
  @ValueSource(strings = {
      "@Cors(origins = {\"https://admin.example.com\", Origins.APP}) public abstract class Base {}",
      "public abstract class Base { @GET @Cors(origins = Origins.APP) public String get() {"
          + " return \"\"; } }"})
  void inheritedOriginConstantGeneratedByAnotherProcessorIsWaitedFor(String base) {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(), new DtoProcessor("test.Origins",
            "package test; public class Origins {"
                + " public static final String APP = \"https://app.example.com\"; }"))
        .compile(ProcessorTests.source("Base", base),
            ProcessorTests.source("Items",
                "@Path(\"/items\")",
                "public class Items extends Base {",
                "  @GET public String get() { return \"\"; }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Cors_Items").contentsAsUtf8String()
        .contains("\"https://app.example.com\"");
  }

  /**
   * An API interface with its {@code @Path} generated by another processor (an OpenAPI or RPC
   * stub generator): until it exists, the class implementing it is no root resource at all.
   */
  @Test
  void pathInterfaceGeneratedByAnotherProcessorIsWaitedFor() {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(), new DtoProcessor("test.ItemsApi",
            "package test; import jakarta.ws.rs.*; @Path(\"/items\") public interface ItemsApi {"
                + " @GET String list(); }"))
        .compile(ProcessorTests.source("Items",
            "@Cors(origins = \"https://app.example.com\")",
            "public class Items implements ItemsApi {",
            "  @Override public String list() { return \"\"; }",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Cors_Items").contentsAsUtf8String()
        .contains("case \"list()\" -> ITEMS;");
  }

  @Test
  void classThatWaitedAndIsNoResourceAfterAllIsReported() {
    JavaFileObject items = ProcessorTests.source("Items",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Items implements Api {}");
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(),
            new DtoProcessor("test.Api", "package test; public interface Api {}"))
        .compile(items);
    assertThat(compilation).hadErrorContaining(Message.NOT_A_RESOURCE_CLASS.format("test.Items"))
        .inFile(items).onLineContaining("@Cors");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void corsOnASuperclassOfAClassThatWaitsIsCheckedOnceItIsAResource() {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(), new DtoProcessor("test.ItemsApi",
            "package test; import jakarta.ws.rs.*; @Path(\"/items\") public interface ItemsApi {"
                + " @GET String list(); }"))
        .compile(
            ProcessorTests.source("Helper",
                "@Cors(origins = \"https://app.example.com\")",
                "public class Helper {}"),
            ProcessorTests.source("Items",
                "public class Items extends Helper implements ItemsApi {",
                "  @Override public String list() { return \"\"; }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    // Named after the class that declares it.
    assertThat(compilation).generatedSourceFile("test.Cors_Items").contentsAsUtf8String()
        .contains("case \"list()\" -> HELPER;");
  }

  @Test
  void corsOnASuperclassOfAClassThatWaitedAndIsNoResourceIsReported() {
    JavaFileObject helper = ProcessorTests.source("Helper",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Helper {}");
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(),
            new DtoProcessor("test.Api", "package test; public interface Api {}"))
        .compile(helper,
            ProcessorTests.source("Items", "public class Items extends Helper implements Api {}"));
    assertThat(compilation).hadErrorContaining(Message.NOT_A_RESOURCE_CLASS.format("test.Helper"))
        .inFile(helper).onLineContaining("@Cors");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void superclassGeneratedByAnotherProcessorIsWaitedFor() {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(), new DtoProcessor("test.ItemsBase",
            "package test; import jakarta.ws.rs.*; import org.corsgen.Cors;"
                + " public abstract class ItemsBase {"
                + " @GET @Cors(origins = \"https://app.example.com\")"
                + " public String list() { return \"\"; } }"))
        .compile(ProcessorTests.source("Items",
            "@Path(\"/items\")",
            "public class Items extends ItemsBase {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Cors_Items").contentsAsUtf8String()
        .contains("case \"list()\" -> ");
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
