package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;

/**
 * A class without {@code @Path} whose resource methods a sub-resource locator serves: its paths
 * are relative to whichever locators return it, so its methods are checked against each other
 * and never against other classes.
 */
class SubResourceRulesTest {

  private static final String APP = "@Cors(origins = \"https://app.example.com\")";
  private static final String ADMIN = "@Cors(origins = \"https://admin.example.com\")";

  @Test
  void subResourceIsGeneratedAndIndexed() {
    Compilation compilation = compile(source("Lines",
        APP,
        "public class Lines {",
        "  @GET public String list() { return \"\"; }",
        "  @PUT @Path(\"{line}\") public String put(@PathParam(\"line\") String line) {"
            + " return line; }",
        "}"));
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test.Cors_Lines").contentsAsUtf8String()
        .contains("case \"list()\", \"put(java.lang.String)\" -> LINES;");
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/corsgen/index").contentsAsUtf8String().contains("test.Lines test.Cors_Lines\n");
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/corsgen/cors-policies.md").contentsAsUtf8String()
        .contains("| `{locator}/{line}` | PUT | `test.Lines#put(java.lang.String)` |");
  }

  /** Two locators may return them at different paths, or the same class at several. */
  @Test
  void subResourcesWithDifferentPoliciesForTheSameRelativePathDoNotConflict() {
    assertClean(compile(
        source("Lines", APP, "public class Lines {", "  @GET public String list() { return \"\"; }",
            "}"),
        source("Notes", ADMIN, "public class Notes {",
            "  @GET public String list() { return \"\"; }", "}"),
        source("Root", "@Path(\"{id}\")", ADMIN, "public class Root {",
            "  @GET public String get() { return \"\"; }",
            "  @Path(\"lines\") public Lines lines() { return new Lines(); }", "}")));
  }

  @Test
  void conflictingPoliciesInsideASubResourceAreAnError() {
    JavaFileObject source = source("Lines",
        "public class Lines {",
        "  @GET @Produces(\"text/plain\") " + APP,
        "  public String text() { return \"\"; }",
        "  @GET @Produces(\"application/json\") " + ADMIN,
        "  public String json() { return \"\"; }",
        "}");
    assertOnly(compile(source), source, ADMIN, Message.CONFLICTING_POLICIES, "GET", "{locator}",
        "test.Lines.json()", "test.Lines.text()");
  }

  @Test
  void ownOptionsMethodInASubResourceWithAPolicyThereIsAnError() {
    JavaFileObject source = source("Lines",
        APP,
        "public class Lines {",
        "  @GET public String list() { return \"\"; }",
        "  @OPTIONS public String options() { return \"\"; }",
        "}");
    assertOnly(compile(source), source, "public String options()", Message.OWN_OPTIONS,
        "test.Lines.options()", "{locator}", "test.Lines.list()");
  }

  @Test
  void corsOnALocatorOfASubResourceIsAnError() {
    JavaFileObject source = source("Lines",
        "public class Lines {",
        "  @Path(\"{line}\") " + APP,
        "  public Lines line() { return this; }",
        "}");
    assertOnly(compile(source), source, APP, Message.NOT_A_RESOURCE_METHOD, "test.Lines.line()");
  }

  @Test
  void classPolicyOfASubResourceWithOnlyLocatorsIsAnError() {
    JavaFileObject source = source("Lines",
        APP,
        "public class Lines {",
        "  @Path(\"{line}\") public Lines line() { return this; }",
        "}");
    assertOnly(compile(source), source, APP, Message.NO_RESOURCE_METHOD, "test.Lines");
  }

  /** The concrete subclass is what a locator returns, and what Jersey models. */
  @Test
  void subclassOfAnAbstractBaseWithAPolicyIsASubResource() {
    Compilation compilation = compile(
        source("Base", "public abstract class Base {",
            "  @GET " + APP + " public String get() { return \"\"; }", "}"),
        source("Impl", "public class Impl extends Base {}"));
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test.Cors_Impl").contentsAsUtf8String()
        .contains("case \"get()\" -> BASE_GET;");
  }

  /** A concrete class with resource methods and no {@code @Cors} anywhere is left alone. */
  @Test
  void classWithoutPathOrPolicyGetsNoCode() {
    // Asked of the Filer: compile-testing lists a file corsgen only tried to read (the index of an
    // earlier build) among the generated ones.
    FilerRecordingProcessor processor = new FilerRecordingProcessor(new CorsProcessor());
    Compilation compilation = javac().withProcessors(processor).compile(source("Lines",
        "public class Lines {", "  @GET public String list() { return \"\"; }", "}"));
    assertClean(compilation);
    assertEquals(List.of(), processor.createdSources());
    assertEquals(List.of(), processor.createdResources());
  }

  /**
   * A concrete base of root resources is checked with the methods of each root, as before
   * sub-resources were taken, and still generated and indexed: a locator may return it, declared
   * as {@code Object}, an interface, or in another compilation.
   */
  @Test
  void concreteBaseOfARootResourceIsCheckedWithItsRootsAndStillIndexed() {
    Compilation compilation = compile(
        source("Base", "@Cors(origins = \"https://app.example.com\", methods = \"PUT\")",
            "public class Base {", "  @GET public String get() { return \"\"; }", "}"),
        source("Root", "@Path(\"/r\")", "public class Root extends Base {",
            "  @PUT public void put(String body) {}", "}"));
    assertClean(compilation);

    Compilation returned = compile(
        source("Base", APP, "public class Base {", "  @GET public String get() { return \"\"; }",
            "}"),
        source("Root", "@Path(\"/r\")", "public class Root extends Base {",
            "  @Path(\"any\") public Object any() { return new Base(); }", "}"));
    assertClean(returned);
    assertThat(returned).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/corsgen/index").contentsAsUtf8String().contains("test.Base test.Cors_Base\n");
  }

  /** The root extending the base waits for a type another processor generates. */
  @Test
  void concreteBaseOfARootResourceOfALaterRoundIsCheckedWithIt() {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor(), new DeferralTest.DtoProcessor())
        .compile(
            source("Base", "@Cors(origins = \"https://app.example.com\", methods = \"PUT\")",
                "public class Base {", "  @GET public String get() { return \"\"; }", "}"),
            source("Root", "@Path(\"/r\")", "public class Root extends Base {",
                "  @PUT public void put(Dto body) {}", "}"));
    assertClean(compilation);
  }

  @Test
  void concreteBaseWithOnlyALocatorOfARootResourceIsAccepted() {
    assertClean(compile(
        source("Base", APP, "public class Base {",
            "  @Path(\"x\") public Root x() { return new Root(); }", "}"),
        source("Root", "@Path(\"/r\")", "public class Root extends Base {",
            "  @GET public String get() { return \"\"; }", "}")));
  }

  /** Its errors are reported once, at the root's path, not again at {@code {locator}}. */
  @Test
  void errorOfAConcreteBaseIsReportedOnce() {
    JavaFileObject base = source("Base", APP, "public class Base {",
        "  @GET public String get() { return \"\"; }",
        "  @OPTIONS public String options() { return \"\"; }", "}");
    Compilation compilation = compile(base,
        source("Root", "@Path(\"/r\")", "public class Root extends Base {}"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(Message.OWN_OPTIONS.format("test.Base.options()",
        "/r", "test.Base.get()"));
  }

  /** A base that a locator is declared to return is also a sub-resource of its own. */
  @Test
  void concreteBaseThatALocatorReturnsIsASubResourceToo() {
    Compilation compilation = compile(
        source("Base", APP, "public class Base {", "  @GET public String get() { return \"\"; }",
            "}"),
        source("Root", "@Path(\"/r\")", "public class Root extends Base {",
            "  @Path(\"base\") public Base base() { return new Base(); }", "}"));
    assertClean(compilation);
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/corsgen/index").contentsAsUtf8String().contains("test.Base test.Cors_Base\n");
  }
}
