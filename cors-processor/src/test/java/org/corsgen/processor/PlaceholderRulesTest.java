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

/**
 * Origins from configuration: the placeholder's syntax and default are checked at compile time;
 * its value, which only exists at start-up, is checked by the runtime with the same rules.
 */
class PlaceholderRulesTest {

  @Test
  void placeholdersBesideLiteralOriginsCompileAndResolveAtStartUp() {
    Compilation compilation = compile(resource(
        "@Cors(origins = {\"https://app.example.com\", \"${cors.origins}\","
            + " \"${cors.admin-origins:https://admin.example.com, https://*.example.org}\"},"
            + " allowCredentials = true)"));
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test/Cors_Res").contentsAsUtf8String()
        .contains(".allowOrigins(\"https://app.example.com\")\n"
            + "      .allowConfiguredOrigins(\"cors.origins\")\n"
            + "      .allowConfiguredOrigins(\"cors.admin-origins\","
            + " \"https://admin.example.com, https://*.example.org\")\n");
  }

  /**
   * The default's items are stripped of Unicode white space, which includes LINE SEPARATOR
   * (U+2028), so such a default is valid, here and at start-up. JavaPoet writes the character raw
   * in a string literal and its CodeWriter then breaks the line there, so the generated class did
   * not compile ("unclosed string literal").
   */
  @Test
  void defaultWithALineSeparatorBetweenItemsCompiles() {
    Compilation compilation = compile(resource(
        "@Cors(origins = \"${cors.origins:https://a.example.com,\\u2028https://b.example.com}\")"));
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test/Cors_Res").contentsAsUtf8String()
        .contains(".allowConfiguredOrigins(\"cors.origins\","
            + " \"https://a.example.com,\\u2028https://b.example.com\")\n");
  }

  @Test
  void placeholderAloneListsNoOrigins() {
    Compilation compilation = compile(resource("@Cors(origins = \"${cors.origins}\")"));
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test/Cors_Res").contentsAsUtf8String()
        .doesNotContain(".allowOrigins(");
  }

  @ParameterizedTest
  @ValueSource(strings = {"${cors.origins", "${}", "${:https://a.example}", "https://${host}",
      "${a b}", "${cors.origins}x"})
  void malformedPlaceholderIsAnErrorOnThatItem(String entry) {
    JavaFileObject source = resource("@Cors(origins = \"" + entry + "\")");
    assertOnly(compile(source), source, entry, Message.ORIGIN_PLACEHOLDER_MALFORMED, entry);
  }

  /**
   * Another library's placeholder reads as corsgen's with a bogus key or default: said as such,
   * with corsgen's placeholder it meant, rather than as an origin without a scheme.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "${sys:cors.origins}                      | the lookup prefix \"sys:\" | ${cors.origins}",
      "${env:CORS_ORIGINS}                      | the lookup prefix \"env:\" | ${CORS_ORIGINS}",
      "${env:CORS_ORIGINS:-https://a.example}   | the lookup prefix \"env:\""
          + " | ${CORS_ORIGINS:https://a.example}",
      "${CORS_ORIGINS:-https://a.example}       | a shell's \":-\" before the default"
          + " | ${CORS_ORIGINS:https://a.example}",
      "${CORS_ORIGINS:-}                        | a shell's \":-\" before the default"
          + " | ${CORS_ORIGINS}",
      "${env:CORS_ORIGINS:-}                    | the lookup prefix \"env:\" | ${CORS_ORIGINS}",
      "${sys:-}                                 | a shell's \":-\" before the default | ${sys}"})
  void placeholderOfAnotherSyntaxIsToldCorsgensOwn(String entry, String syntax, String fix) {
    JavaFileObject source = resource("@Cors(origins = \"" + entry + "\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_PLACEHOLDER_FOREIGN, entry,
        syntax, fix);
    // A key named env with an origin as its default is corsgen's own.
    assertClean(compile(resource("@Cors(origins = \"${env:https://a.example}\")")));
  }

  @Test
  void badOriginInTheDefaultIsReportedLikeALiteralOne() {
    JavaFileObject source = resource("@Cors(origins = \"${cors.origins:https://App.example.com/}\")");
    Compilation compilation = compile(source);
    assertOnly(compilation, source, "${cors.origins", Message.ORIGIN_MALFORMED,
        "https://App.example.com/", "it ends with a slash", " Write \"https://app.example.com\".");
    // Read alone, that fix would replace the placeholder with one origin.
    assertThat(compilation).hadErrorContaining("\"https://app.example.com\". That origin is in"
        + " the default of ${cors.origins}: correct it there, keeping the placeholder.");
  }

  @Test
  void anyOriginSpelledAsOtherLibrariesDoInTheDefaultGetsTheStarWhereItIsValid() {
    JavaFileObject alone = resource("@Cors(origins = \"${cors.origins:*:*}\")");
    assertOnly(compile(alone), alone, "${cors.origins", Message.ORIGIN_MALFORMED, "*:*",
        "it means any origin, which is \"*\" alone", " Write \"*\".");
    JavaFileObject beside = resource(
        "@Cors(origins = {\"https://app.example.com\", \"${cors.origins:*:*}\"})");
    assertOnly(compile(beside), beside, "${cors.origins", Message.ORIGIN_MALFORMED, "*:*",
        "it means any origin, which is \"*\" alone", "");
  }

  @Test
  void originsSeparatedBySpacesInTheDefaultAreToldToUseCommas() {
    JavaFileObject source =
        resource("@Cors(origins = \"${cors.origins:https://a.example.com https://b.example.com}\")");
    assertOnly(compile(source), source, "${cors.origins", Message.ORIGIN_MALFORMED,
        "https://a.example.com https://b.example.com",
        "it holds 2 origins in one entry; a default separates them with commas",
        " Write \"${cors.origins:https://a.example.com,https://b.example.com}\".");
    JavaFileObject among = resource("@Cors(origins ="
        + " \"${cors.origins:https://c.example.com,https://a.example.com https://b.example.com}\")");
    assertOnly(compile(among), among, "${cors.origins", Message.ORIGIN_MALFORMED,
        "https://a.example.com https://b.example.com",
        "it holds 2 origins in one entry; a default separates them with commas",
        " Write \"${cors.origins:https://c.example.com,https://a.example.com,https://b.example.com}\".");
  }

  @ParameterizedTest
  @ValueSource(strings = {"${cors.origins:}", "${cors.origins: }",
      "${cors.origins:https://a.example.com,}"})
  void emptyDefaultIsAnErrorThatSaysHowToRequireTheValue(String entry) {
    JavaFileObject source = resource("@Cors(origins = \"" + entry + "\")");
    assertOnly(compile(source), source, "${cors.origins", Message.ORIGIN_PLACEHOLDER_EMPTY_DEFAULT,
        entry, "cors.origins");
  }

  /** One key in two placeholders reads one value: the second adds only its default. */
  @Test
  void oneKeyInTwoPlaceholdersIsAWarning() {
    JavaFileObject source = resource(
        "@Cors(origins = {\"${cors.origins}\",",
        "    \"${cors.origins:https://a.example.com}\"})");
    assertOnly(compile(source), source, "    \"${cors.origins:", Message.PLACEHOLDER_KEY_TWICE,
        "cors.origins", "${cors.origins}", "${cors.origins:https://a.example.com}");
  }

  /** A default is a list: a repeated or covered origin in it is said as in a literal list. */
  @Test
  void repeatedOrCoveredOriginInADefaultIsAWarning() {
    JavaFileObject repeated = resource(
        "@Cors(origins = \"${o:https://a.example.com,https://a.example.com}\")");
    assertOnly(compile(repeated), repeated, "@Cors", Message.ORIGIN_DUPLICATE,
        "https://a.example.com");
    JavaFileObject covered = resource(
        "@Cors(origins = \"${o:https://*.example.com, https://a.example.com}\")");
    assertOnly(compile(covered), covered, "@Cors", Message.ORIGIN_COVERED,
        "https://a.example.com", "https://*.example.com");
    assertClean(compile(resource(
        "@Cors(origins = \"${o:https://a.example.com,https://b.example.com}\")")));
  }

  @Test
  void samePlaceholderTwiceIsADuplicate() {
    JavaFileObject source = resource(
        "@Cors(origins = {\"${cors.origins}\",",
        "    \"${cors.origins}\"})");
    assertOnly(compile(source), source, "    \"${cors.origins}\"})", Message.ORIGIN_DUPLICATE,
        "${cors.origins}");
  }

  /** CorsFeature refuses "*" beside other entries at start-up; a default of "*" is known now. */
  @Test
  void wildcardDefaultBesideOtherEntriesIsAnError() {
    JavaFileObject literal = resource(
        "@Cors(origins = {\"https://app.example.com\",",
        "    \"${cors.origins:*}\"})");
    assertOnly(compile(literal), literal, "${cors.origins:*}", Message.ORIGIN_WILDCARD_MIXED);
    JavaFileObject placeholders = resource(
        "@Cors(origins = {\"${cors.origins:*}\",",
        "    \"${more.origins}\"})");
    assertOnly(compile(placeholders), placeholders, "${cors.origins:*}",
        Message.ORIGIN_WILDCARD_MIXED);
  }

  @Test
  void defaultFollowsTheCredentialsRulesOfLiteralOrigins() {
    JavaFileObject star = resource(
        "@Cors(origins = \"${cors.origins:*}\",",
        "    allowCredentials = true)");
    assertOnly(compile(star), star, "${cors.origins:*}", Message.ORIGIN_WILDCARD_WITH_CREDENTIALS);
    JavaFileObject cleartext = resource(
        "@Cors(origins = \"${cors.origins:http://app.example.com}\",",
        "    allowCredentials = true)");
    assertOnly(compile(cleartext), cleartext, "${cors.origins",
        Message.INSECURE_CREDENTIALS_DEFAULT,
        "${cors.origins:http://app.example.com}", "http://app.example.com");
  }

  /**
   * CorsFeature refuses a plain-http default with credentials at start-up whatever the source
   * says, so suppressing the compile-time error would only move it to start-up.
   */
  @Test
  void plainHttpDefaultWithCredentialsCannotBeSuppressed() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@SuppressWarnings(\"CorsInsecureCredentials\")",
        "@Cors(origins = \"${cors.origins:http://intranet.example.com}\", allowCredentials = true)",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "${cors.origins", Message.INSECURE_CREDENTIALS_DEFAULT,
        "${cors.origins:http://intranet.example.com}", "http://intranet.example.com");
  }
}
