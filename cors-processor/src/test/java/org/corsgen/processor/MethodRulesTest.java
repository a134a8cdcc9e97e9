package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.resource;
import static org.corsgen.processor.ProcessorTests.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on {@code methods}. */
class MethodRulesTest {

  /** A custom designator, as applications declare {@code @PATCH}. */
  private static final JavaFileObject PATCH = source("PATCH",
      "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
      "@HttpMethod(\"PATCH\")",
      "public @interface PATCH {}");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''       | ' Write it as the resource method''s designator names it, such as \"PATCH\".'",
      "GET,PUT  | ' Write {\"GET\", \"PUT\"}.'",
      "'GET PUT' | ' Write it as the resource method''s designator names it, such as \"PATCH\".'",
      "'PUT '   | ' Write \"PUT\".'",
      "(GET)    | ' Write it as the resource method''s designator names it, such as \"PATCH\".'",
      "GÉT      | ' Write it as the resource method''s designator names it, such as \"PATCH\".'",
      "'put,delete' | ' Write {\"PUT\", \"DELETE\"}.'",
      "'GET,TRACE'  | ' Write it as the resource method''s designator names it, such as \"PATCH\".'",
      "'PUT, *'     | ' Write it as the resource method''s designator names it, such as \"PATCH\".'",
      "'patch, put' | ' Write it as the resource method''s designator names it, such as \"PATCH\".'"})
  void methodThatIsNotATokenIsAnError(String method, String fix) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    methods = \"" + method + "\")");
    assertOnly(compile(source), source, "methods =", Message.METHOD_INVALID, method, fix);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONNECT", "TRACE", "TRACK", "trace"})
  void forbiddenMethodIsAnError(String method) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    methods = {\"GET\",",
        "        \"" + method + "\"})");
    assertOnly(compile(source), source, "\"" + method + "\"", Message.METHOD_FORBIDDEN, method);
  }

  /** Spring and the Fetch answer read "*" as any method; in methods it would grant nothing. */
  @Test
  void wildcardMethodIsAnError() {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    methods = \"*\")");
    assertOnly(compile(source), source, "methods =", Message.METHOD_WILDCARD);
  }

  @Test
  void customMethodInAnotherCaseIsAnError() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", methods = \"patch\")",
        "public class Res {",
        "  @PATCH",
        "  public void patch(String body) {}",
        "}");
    assertOnly(compile(source, PATCH), source, "\"patch\"", Message.METHOD_CASE, "patch",
        "PATCH");
  }

  /** "Write PATCH" beside a "PATCH" already listed would trade the error for a duplicate. */
  @Test
  void methodInAnotherCaseBesideItsServedSpellingIsToBeRemoved() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", methods = {\"PATCH\",",
        "    \"patch\"})",
        "public class Res {",
        "  @PATCH",
        "  public void patch(String body) {}",
        "}");
    assertOnly(compile(source, PATCH), source, "\"patch\"", Message.METHOD_CASE_BESIDE,
        "patch", "PATCH");
  }

  /** No page can send TRACE: a policy over a designator of its own for it grants nothing. */
  @Test
  void policyOverOnlyAForbiddenMethodGrantsNothing() {
    JavaFileObject trace = source("TRACE",
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
        "@HttpMethod(\"trace\")",
        "public @interface TRACE {}");
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @TRACE",
        "  public String trace() { return \"\"; }",
        "}");
    assertOnly(compile(source, trace), source, "@Cors", Message.METHODS_GRANT_ONLY_FORBIDDEN,
        "TRACE");
  }

  /**
   * A page's OPTIONS request is preflighted, and the preflight reaches the application's own
   * {@code @OPTIONS} method, not corsgen: a policy that grants only OPTIONS grants nothing.
   */
  @Test
  void policyThatGrantsOnlyTheApplicationsOwnOptionsGrantsNothing() {
    JavaFileObject onTheMethod = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @OPTIONS",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public String options() { return \"\"; }",
        "}");
    assertOnly(compile(onTheMethod), onTheMethod, "@Cors", Message.METHODS_GRANT_ONLY_OPTIONS);
    JavaFileObject listed = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\",",
        "    methods = \"OPTIONS\")",
        "public class Res {",
        "  @GET public String get() { return \"\"; }",
        "  @OPTIONS public String options() { return \"\"; }",
        "}");
    assertOnly(compile(listed), listed, "methods =", Message.METHODS_LIST_ONLY_OPTIONS, "GET");
  }

  /** Jersey upper-cases a designator's value: {@code @HttpMethod("purge")} serves PURGE. */
  @Test
  void designatorWrittenInLowerCaseServesTheMethodInUpperCase() {
    JavaFileObject purge = source("PURGE",
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
        "@HttpMethod(\"purge\")",
        "public @interface PURGE {}");
    JavaFileObject upper = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", methods = \"PURGE\")",
        "public class Res {",
        "  @PURGE",
        "  public void purge() {}",
        "}");
    assertClean(compile(upper, purge));
    JavaFileObject lower = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", methods = \"purge\")",
        "public class Res {",
        "  @PURGE",
        "  public void purge() {}",
        "}");
    assertOnly(compile(lower, purge), lower, "\"purge\"", Message.METHOD_CASE, "purge",
        "PURGE");
  }

  @Test
  void standardMethodInLowerCaseIsAnError() {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    methods = \"put\")");
    assertOnly(compile(source), source, "\"put\"", Message.METHOD_CASE, "put", "PUT");
  }

  @Test
  void methodListedTwiceIsAWarningOnTheRepetition() {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    methods = {\"GET\", \"PUT\",",
        "        \"GET\"})");
    assertOnly(compile(source), source, "        \"GET\"", Message.METHOD_DUPLICATE, "GET");
  }

  @Test
  void methodNoResourceMethodServesIsAWarning() {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    methods = {\"GET\", \"PUT\",",
        "        \"DELETE\"})");
    assertOnly(compile(source), source, "\"DELETE\"", Message.METHOD_NOT_SERVED, "DELETE",
        "GET, HEAD, PUT");
  }

  @Test
  void methodsNoneOfWhichAreServedIsAnError() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET",
        "  @Cors(origins = \"https://app.example.com\", methods = \"DELETE\")",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "",
        "  @DELETE",
        "  public void delete() {}",
        "}");
    // HEAD comes with GET only under GET's policy, which this one is not.
    assertOnly(compile(source), source, "\"DELETE\"", Message.METHODS_GRANT_NOTHING,
        "\"DELETE\"", "GET");
  }

  @Test
  void severalMethodsNoneOfWhichAreServedIsOneError() {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    methods = {\"PATCH\", \"DELETE\"})");
    assertOnly(compile(source), source, "methods", Message.METHODS_GRANT_NOTHING,
        "\"PATCH\", \"DELETE\"", "GET, PUT");
  }

  /**
   * A class-level policy on a supertype serves every resource that extends it: granting nothing
   * to one of them (or covering none of its methods) is no error while another uses it.
   */
  @Test
  void inheritedClassPolicyThatGrantsOneResourceNothingIsNoError() {
    JavaFileObject base = source("Base",
        "@Cors(origins = \"https://app.example.com\", methods = \"POST\")",
        "public abstract class Base {",
        "}");
    JavaFileObject reads = source("Reads",
        "@Path(\"/reads\")",
        "public class Reads extends Base {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    JavaFileObject own = source("Own",
        "@Path(\"/own\")",
        "public class Own extends Base {",
        "  @POST",
        "  @Cors(origins = \"https://b.example.com\")",
        "  public void post(String body) {}",
        "}");
    JavaFileObject writes = source("Writes",
        "@Path(\"/writes\")",
        "public class Writes extends Base {",
        "  @POST",
        "  public void post(String body) {}",
        "}");
    Compilation compilation = compile(base, reads, own, writes);
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test.Cors_Own");
  }

  @Test
  void headComesWithGet() {
    assertClean(compile(resource(
        "@Cors(origins = \"https://app.example.com\", methods = {\"GET\", \"HEAD\"})")));
  }

  /** Jersey answers HEAD with the GET method per path: a HEAD method elsewhere changes nothing. */
  @Test
  void headComesWithGetAtAPathWithoutAHeadMethod() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET",
        "  @Path(\"a\")",
        "  @Cors(origins = \"https://app.example.com\", methods = {\"GET\", \"HEAD\"})",
        "  public String a() {",
        "    return \"\";",
        "  }",
        "  @HEAD",
        "  @Path(\"b\")",
        "  public void b() {}",
        "}")));
  }

  /** Where the path has a HEAD method of its own, GET's policy does not reach HEAD. */
  @Test
  void headIsNotServedUnderGetsPolicyWhereThePathHasAHeadMethod() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET",
        "  @Cors(origins = \"https://app.example.com\", methods = {\"GET\", \"HEAD\"})",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "  @HEAD",
        "  public void head() {}",
        "}");
    assertOnly(compile(source), source, "\"HEAD\"", Message.METHOD_NOT_SERVED, "HEAD", "GET");
  }

  /** The runtime answers HEAD with GET's policy, so a policy granting HEAD alone grants nothing. */
  @Test
  void headWithoutGetIsAnError() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", methods = \"HEAD\")",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "\"HEAD\"", Message.METHODS_GRANT_NOTHING, "\"HEAD\"",
        "GET; HEAD is answered by the GET method, under GET's policy: list GET too");
  }

  @Test
  void customMethodInItsOwnCaseIsAccepted() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", methods = \"PATCH\")",
        "public class Res {",
        "  @PATCH",
        "  public void patch(String body) {}",
        "}"), PATCH));
  }
}
