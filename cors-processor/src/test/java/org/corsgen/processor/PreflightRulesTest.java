package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;

/**
 * One preflight answer per path and method: the runtime adds one preflight endpoint per path,
 * with one policy per method, and none where the application answers OPTIONS itself.
 */
class PreflightRulesTest {

  @Test
  void ownOptionsMethodOnAPathAPolicyCoversIsAnError() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "",
        "  @OPTIONS",
        "  public String options() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "public String options()", Message.OWN_OPTIONS,
        "test.Res.options()", "/res", "test.Res.get()");
  }

  @Test
  void ownOptionsMethodOfAnotherClassOnTheSamePathIsAWarningOnThePolicy() {
    JavaFileObject options = source("Options",
        "@Path(\"res/\")",
        "public class Options {",
        "  @OPTIONS",
        "  public String options() {",
        "    return \"\";",
        "  }",
        "}");
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(options, source), source, "@Cors", Message.OWN_OPTIONS_ELSEWHERE,
        "test.Options.options()", "/res", "test.Res.get()");
  }

  /** Reported on the class that sorts later; the message says either class may suppress it. */
  @Test
  void ownOptionsMethodInAnotherClassIsSuppressedOnEitherClass() {
    String[] options = {
        "@Path(\"/res\")",
        "public class Options {",
        "  @OPTIONS public String options() { return \"\"; }",
        "}"};
    // Res sorts after Options, Items before it: each is reported on a different side.
    for (String name : new String[] {"Res", "Items"}) {
      String[] resource = {
          "@Path(\"/res\")",
          "@Cors(origins = \"https://app.example.com\")",
          "public class " + name + " {",
          "  @GET public String get() { return \"\"; }",
          "}"};
      for (boolean onOptions : new boolean[] {true, false}) {
        assertClean(compile(source("Options", onOptions ? withSuppression(options) : options),
            source(name, onOptions ? resource : withSuppression(resource))));
      }
    }
  }

  /** One class's suppression speaks for that class alone, not for others at the same path. */
  @Test
  void ownOptionsSuppressedInOneClassIsStillReportedForAnother() {
    JavaFileObject resource = source("ZRes",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class ZRes {",
        "  @GET public String get() { return \"\"; }",
        "}");
    Compilation compilation = compile(
        source("AOpt", withSuppression(new String[] {
            "@Path(\"/res\")",
            "public class AOpt {",
            "  @OPTIONS public String options() { return \"\"; }",
            "}"})),
        source("BOpt",
            "@Path(\"/res\")",
            "public class BOpt {",
            "  @OPTIONS public String options() { return \"\"; }",
            "}"),
        resource);
    assertOnly(compilation, resource, "@Cors", Message.OWN_OPTIONS_ELSEWHERE,
        "test.BOpt.options()", "/res", "test.ZRes.get()");
  }

  /** A resource's suppression counts for the policy it inherits, whichever class comes first. */
  @Test
  void ownOptionsElsewhereIsSuppressedOnAResourceWithAnInheritedPolicy() {
    for (String optionsClass : new String[] {"AOpt", "ZOpt"}) {
      assertClean(compile(
          source("Base",
              "@Cors(origins = \"https://app.example.com\")",
              "public abstract class Base {",
              "  @GET public String get() { return \"\"; }",
              "}"),
          source("BRes", withSuppression(new String[] {
              "@Path(\"/res\")",
              "public class BRes extends Base {}"})),
          source(optionsClass,
              "@Path(\"/res\")",
              "public class " + optionsClass + " {",
              "  @OPTIONS public String options() { return \"\"; }",
              "}")));
    }
  }

  private static String[] withSuppression(String[] lines) {
    String[] suppressed = new String[lines.length + 1];
    suppressed[0] = "@SuppressWarnings(\"CorsOptionsElsewhere\")";
    System.arraycopy(lines, 0, suppressed, 1, lines.length);
    return suppressed;
  }

  @Test
  void ownOptionsMethodOnAnotherPathIsAccepted() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "",
        "  @OPTIONS",
        "  @Path(\"meta\")",
        "  public String options() {",
        "    return \"\";",
        "  }",
        "}")));
  }

  @Test
  void twoPoliciesForOneMethodAtOnePathIsAnErrorOnTheSecond() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET",
        "  @Path(\"{id}\")",
        "  @Produces(\"text/plain\")",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public String text() {",
        "    return \"\";",
        "  }",
        "",
        "  @GET",
        "  @Path(\"{key}/\")",
        "  @Produces(\"application/json\")",
        "  @Cors(origins = \"https://admin.example.com\")",
        "  public String json() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "admin.example.com", Message.CONFLICTING_POLICIES,
        "GET", "/res/{key}", "test.Res.json()", "test.Res.text()");
  }

  /**
   * Jersey makes one trailing slash optional, no more: {@code PUT /r} goes to {@code put()}, and
   * {@code PUT /r//} to {@code putSlashed()} (checked on Jersey 4.0.2), so each has its own
   * policy and preflight.
   */
  @Test
  void aDoubledTrailingSlashIsAPathOfItsOwn() {
    Compilation compilation = compile(source("Res",
        "@Path(\"/r\")",
        "public class Res {",
        "  @PUT @Cors(origins = \"https://app.example.com\")",
        "  public void put(String body) {}",
        "",
        "  @PUT @Path(\"//\") @Cors(origins = \"https://admin.example.com\")",
        "  public void putSlashed(String body) {}",
        "}"));
    assertClean(compilation);
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/corsgen/cors-policies.md").contentsAsUtf8String()
        .contains("| `/r/` | PUT | `test.Res#putSlashed(java.lang.String)` |");
  }

  /**
   * Both named {@code /}: Jersey sends {@code GET /} to {@code root()} and {@code GET //} to
   * {@code slashes()} (checked on Jersey 4.0.2), so their policies do not conflict.
   */
  @Test
  void theRootAndASlashBelowItAreRoutedApart() {
    assertClean(compile(source("Root",
        "@Path(\"/\")",
        "public class Root {",
        "  @GET @Cors(origins = \"https://app.example.com\")",
        "  public String root() { return \"\"; }",
        "",
        "  @GET @Path(\"//\") @Cors(origins = \"https://admin.example.com\")",
        "  public String slashes() { return \"\"; }",
        "}")));
  }

  /**
   * Beside a method at {@code //}, Jersey serves one at {@code @Path("/")} there too, not as a
   * method without {@code @Path}: {@code GET /x//} may go to either (checked on Jersey 4.0.2).
   */
  @Test
  void aSlashBesideTwoSlashesIsServedThere() {
    JavaFileObject source = slashesResource("app", "admin");
    // own(), at /x, is routed apart from both.
    assertOnly(compile(source), source, "admin.example.com", Message.CONFLICTING_POLICIES,
        "GET", "/x/", "test.Res.slashes()", "test.Res.slash()");
  }

  /** So a slash's policy must agree with the one at {@code //}, not with the class's own. */
  @Test
  void aSlashBesideTwoSlashesNeedNotAgreeWithTheClassesOwnMethod() {
    assertClean(compile(slashesResource("admin", "admin")));
  }

  /**
   * Without a method at {@code //}, Jersey never serves one at {@code @Path("/")} beside a method
   * without {@code @Path}: {@code GET /x} with {@code Accept: text/a} is 406 (checked on Jersey
   * 4.0.2), so its policy conflicts with nothing. A method at {@code //} that is not public
   * merges nothing: Jersey ignores it.
   */
  @Test
  void aSlashBesideAMethodWithoutPathIsNotServed() {
    assertClean(compile(source("Res",
        "@Path(\"/x\")",
        "public class Res {",
        "  @GET @Produces(\"text/c\") @Cors(origins = \"https://app.example.com\")",
        "  public String own() { return \"\"; }",
        "",
        "  @GET @Path(\"/\") @Produces(\"text/a\") @Cors(origins = \"https://admin.example.com\")",
        "  public String slash() { return \"\"; }",
        "",
        "  @GET @Path(\"//\") @Produces(\"text/html\") String notPublic() { return \"\"; }",
        "}")));
  }

  /** {@code /x} with a method of its own for {@code app}, and at {@code /} and at {@code //}. */
  private static JavaFileObject slashesResource(String slashHost, String slashesHost) {
    return source("Res",
        "@Path(\"/x\")",
        "public class Res {",
        "  @GET @Produces(\"text/plain\") @Cors(origins = \"https://app.example.com\")",
        "  public String own() { return \"\"; }",
        "",
        "  @GET @Path(\"/\") @Produces(\"application/json\")",
        "  @Cors(origins = \"https://" + slashHost + ".example.com\")",
        "  public String slash() { return \"\"; }",
        "",
        "  @GET @Path(\"//\") @Produces(\"text/html\")",
        "  @Cors(origins = \"https://" + slashesHost + ".example.com\")",
        "  public String slashes() { return \"\"; }",
        "}");
  }

  /**
   * Jersey merges root classes at {@code /} and {@code //} under {@code //}: {@code GET /} may go
   * to either, and {@code Slash}'s {@code y} is served at {@code //y} only (checked on Jersey
   * 4.0.2).
   */
  @Test
  void rootClassesAtOneAndTwoSlashesAreOnePath() {
    JavaFileObject slashes = source("Slashes",
        "@Path(\"//\")",
        "public class Slashes {",
        "  @GET @Produces(\"text/plain\") @Cors(origins = \"https://app.example.com\")",
        "  public String get() { return \"\"; }",
        "}");
    assertOnly(compile(slashes, slashResource("admin")), slashes, "@Cors",
        Message.CONFLICTING_POLICIES_ACROSS_CLASSES, "GET", "/", "test.Slashes.get()",
        "test.Slash.get()");

    Compilation agreeing = compile(slashes, slashResource("app"));
    assertClean(agreeing);
    assertThat(agreeing).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/corsgen/cors-policies.md").contentsAsUtf8String()
        .contains("| `//y` | GET |");
  }

  /** {@code Slash} at {@code /}, its methods for {@code host}. */
  private static JavaFileObject slashResource(String host) {
    return source("Slash",
        "@Path(\"/\")",
        "@Cors(origins = \"https://" + host + ".example.com\")",
        "public class Slash {",
        "  @GET @Produces(\"application/json\") public String get() { return \"\"; }",
        "",
        "  @GET @Path(\"y\") public String y() { return \"\"; }",
        "}");
  }

  /** Jersey matches templates in their encoded form: these two are one path. */
  @Test
  void pathsThatDifferOnlyInPercentEncodingAreOnePath() {
    JavaFileObject first = source("First",
        "@Path(\"/sp ace\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class First {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    JavaFileObject second = source("Second",
        "@Path(\"/sp%20ace\")",
        "@Cors(origins = \"https://admin.example.com\")",
        "public class Second {",
        "  @GET",
        "  @Produces(\"application/json\")",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(first, second), second, "@Cors",
        Message.CONFLICTING_POLICIES_ACROSS_CLASSES,
        "GET", "/sp%20ace", "test.Second.get()", "test.First.get()");
  }

  /**
   * One build may hold several Jersey applications, each serving one of two classes at the same
   * path: across classes the conflict can be accepted on purpose, on both classes (a partial
   * rebuild sees one of them without its {@code @SuppressWarnings}), and then both get their
   * code. On one of them only, or within one class, it cannot.
   */
  @Test
  void conflictingPoliciesAcrossClassesCanBeAcceptedOnPurposeOnBoth() throws Exception {
    Compilation accepted = compile(conflicting("First", "app", true),
        conflicting("Second", "admin", true));
    assertClean(accepted);
    String report = accepted.generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/corsgen/cors-policies.md").orElseThrow().getCharContent(true).toString();
    assertTrue(report.contains("`test.First#get()`") && report.contains("`test.Second#get()`"),
        report);
    for (boolean onFirst : new boolean[] {true, false}) {
      JavaFileObject second = conflicting("Second", "admin", !onFirst);
      assertOnly(compile(conflicting("First", "app", onFirst), second), second, "@Cors",
          Message.CONFLICTING_POLICIES_ACROSS_CLASSES, "GET", "/items", "test.Second.get()",
          "test.First.get()");
    }
    Compilation inherited = compile(source("Crud",
        "public abstract class Crud {",
        "  @GET public String list() { return \"\"; }",
        "}"), inheriting("ItemsV1", "app"), inheriting("ItemsV2", "admin"));
    assertClean(inherited);
    JavaFileObject inOneClass = source("Res",
        "@Path(\"/res\")",
        "@SuppressWarnings(\"CorsConflictingPolicies\")",
        "public class Res {",
        "  @GET @Produces(\"text/plain\") @Cors(origins = \"https://app.example.com\")",
        "  public String text() { return \"\"; }",
        "  @GET @Produces(\"application/json\") @Cors(origins = \"https://admin.example.com\")",
        "  public String json() { return \"\"; }",
        "}");
    assertOnly(compile(inOneClass), inOneClass, "admin.example.com",
        Message.CONFLICTING_POLICIES, "GET", "/res", "test.Res.json()", "test.Res.text()");
  }

  /** A class at {@code /items} that inherits its method, accepting the conflict on the class. */
  private static JavaFileObject inheriting(String name, String origin) {
    return source(name,
        "@Path(\"/items\")",
        "@Cors(origins = \"https://" + origin + ".example.com\")",
        "@SuppressWarnings(\"CorsConflictingPolicies\")",
        "public class " + name + " extends Crud {}");
  }

  private static JavaFileObject conflicting(String name, String origin, boolean accepted) {
    return source(name,
        "@Path(\"/items\")",
        "@Cors(origins = \"https://" + origin + ".example.com\")",
        accepted ? "@SuppressWarnings(\"CorsConflictingPolicies\")" : "",
        "public class " + name + " {",
        "  @GET public String get() { return \"\"; }",
        "}");
  }

  @Test
  void methodWithoutPolicyBesideOneWithAPolicyAtOnePathAndMethodIsAWarning() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET @Produces(\"application/json\")",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public String json() { return \"\"; }",
        "",
        "  @GET @Produces(\"text/csv\")",
        "  public String csv() { return \"\"; }",
        "",
        "  @PUT",
        "  public void put(String body) {}",
        "}");
    assertOnly(compile(source), source, "public String csv()", Message.PARTIAL_POLICY,
        "GET", "/res", "test.Res.json()", "test.Res.csv()");
  }

  /** Jersey merges classes at one path; the warning must not depend on which came first. */
  @Test
  void methodWithoutPolicyInAnotherClassAtThePathIsAWarningInEitherOrder() {
    JavaFileObject withPolicy = source("Json",
        "@Path(\"/items\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Json {",
        "  @GET @Produces(\"application/json\") public String get() { return \"\"; }",
        "}");
    JavaFileObject plain = source("Csv",
        "@Path(\"items\")",
        "public class Csv {",
        "  @GET @Produces(\"text/csv\") public String get() { return \"\"; }",
        "}");
    for (JavaFileObject[] order : new JavaFileObject[][] {{withPolicy, plain}, {plain, withPolicy}}) {
      assertOnly(compile(order), plain, "public String get()", Message.PARTIAL_POLICY,
          "GET", "/items", "test.Json.get()", "test.Csv.get()");
    }
  }

  @Test
  void ownHeadMethodWithoutPolicyBesideAGetWithOneIsNoWarning() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET @Cors(origins = \"https://app.example.com\")",
        "  public String get() { return \"\"; }",
        "",
        "  @HEAD",
        "  public jakarta.ws.rs.core.Response head() { return null; }",
        "}")));
  }

  /** The report goes to the class whose name sorts later, whatever order javac reads them in. */
  @Test
  void twoClassesWithDifferentPoliciesForOneMethodAtOnePathIsAnErrorOnTheLaterNameInEitherOrder() {
    JavaFileObject first = source("First",
        "@Path(\"/items\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class First {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    JavaFileObject second = source("Second",
        "@Path(\"items\")",
        "@Cors(origins = \"https://app.example.com\", allowCredentials = true)",
        "public class Second {",
        "  @GET",
        "  @Produces(\"application/json\")",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(first, second), second, "@Cors",
        Message.CONFLICTING_POLICIES_ACROSS_CLASSES,
        "GET", "/items", "test.Second.get()", "test.First.get()");
    assertOnly(compile(second, first), second, "@Cors",
        Message.CONFLICTING_POLICIES_ACROSS_CLASSES,
        "GET", "/items", "test.Second.get()", "test.First.get()");
  }

  @Test
  void equalPoliciesForOneMethodAtOnePathAreAccepted() {
    assertClean(compile(
        source("First",
            "@Path(\"/items\")",
            "@Cors(origins = {\"https://a.example.com\", \"https://b.example.com\"})",
            "public class First {",
            "  @GET",
            "  public String get() {",
            "    return \"\";",
            "  }",
            "}"),
        source("Second",
            "@Path(\"/items\")",
            "@Cors(origins = {\"https://b.example.com\", \"https://a.example.com\"})",
            "public class Second {",
            "  @GET",
            "  @Produces(\"application/json\")",
            "  public String get() {",
            "    return \"\";",
            "  }",
            "}")));
  }

  @Test
  void differentPoliciesForDifferentMethodsAtOnePathAreAccepted() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "",
        "  @DELETE",
        "  @Cors(origins = \"https://admin.example.com\", allowCredentials = true)",
        "  public void delete() {}",
        "}")));
  }

  @Test
  void policiesOnDifferentRegexTemplatesAreAccepted() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET",
        "  @Path(\"{id: \\\\d+}\")",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public String byId() {",
        "    return \"\";",
        "  }",
        "",
        "  @GET",
        "  @Path(\"{name: [a-z]+}\")",
        "  @Cors(origins = \"https://admin.example.com\")",
        "  public String byName() {",
        "    return \"\";",
        "  }",
        "}")));
  }
}
