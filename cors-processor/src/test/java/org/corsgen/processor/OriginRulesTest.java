package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.resource;
import static org.corsgen.processor.ProcessorTests.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on {@code origins}: each diagnostic, its kind, text and the item it points at. */
class OriginRulesTest {

  @Test
  void emptyOriginsIsAnError() {
    JavaFileObject source = resource("@Cors(origins = {})");
    assertOnly(compile(source), source, "origins = {}", Message.ORIGINS_EMPTY);
  }

  @Test
  void blankOriginIsAnErrorOnThatItem() {
    JavaFileObject source = resource(
        "@Cors(origins = {",
        "    \"https://app.example.com\",",
        "    \"  \"})");
    assertOnly(compile(source), source, "\"  \"", Message.ORIGIN_BLANK);
  }

  @Test
  void anyOriginWithCredentialsIsAnError() {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"*\",",
        "    allowCredentials = true)");
    assertOnly(compile(source), source, "\"*\"", Message.ORIGIN_WILDCARD_WITH_CREDENTIALS);
  }

  @Test
  void anyOriginBesideOtherOriginsIsAnError() {
    JavaFileObject source = resource(
        "@Cors(origins = {",
        "    \"https://app.example.com\",",
        "    \"*\"})");
    assertOnly(compile(source), source, "\"*\"", Message.ORIGIN_WILDCARD_MIXED);
  }

  @Test
  void anyOriginListedTwiceIsAWarningOnTheSecond() {
    JavaFileObject source = resource(
        "@Cors(origins = {\"*\",",
        "    \"*\"})");
    assertOnly(compile(source), source, "    \"*\"})", Message.ORIGIN_DUPLICATE, "*");
  }

  /**
   * A trailing dot is the origin of pages opened at the fully qualified name: legal, and almost
   * always a slip, unless listed beside the name without it.
   */
  @Test
  void originWithATrailingDotIsAWarningUnlessTheNameWithoutItIsListed() {
    JavaFileObject alone = resource("@Cors(origins = \"https://app.example.com.:8443\")");
    assertOnly(compile(alone), alone, "@Cors", Message.ORIGIN_TRAILING_DOT,
        "https://app.example.com.:8443", "https://app.example.com:8443");
    assertClean(compile(resource(
        "@Cors(origins = {\"https://app.example.com\", \"https://app.example.com.\"})")));
    JavaFileObject inDefault = resource("@Cors(origins = \"${app:https://app.example.com.}\")");
    assertOnly(compile(inDefault), inDefault, "@Cors", Message.ORIGIN_TRAILING_DOT,
        "https://app.example.com.", "https://app.example.com");
    JavaFileObject twice = resource(
        "@Cors(origins = {\"https://app.example.com.\",",
        "    \"https://app.example.com.\"})");
    assertThat(compile(twice)).hadWarningCount(2); // the dot once, the repetition once
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://App.example.com/ | it ends with a slash       | ' Write \"https://app.example.com\".'",
      "https://a.example.com/x  | it has a path              | ' Write \"https://a.example.com\".'",
      "https://a.example.com?q  | it has a query             | ' Write \"https://a.example.com\".'",
      "https://a.example.com#f  | it has a fragment          | ' Write \"https://a.example.com\".'",
      "https://me@a.example.com | it has user information before the host | ' Write \"https://a.example.com\".'",
      "HTTPS://a.example.com    | the scheme has upper-case letters | ' Write \"https://a.example.com\".'",
      "https://A.example.com    | the host has upper-case letters | ' Write \"https://a.example.com\".'",
      "https://a.example.com:443 | it spells out the default port 443 | ' Write \"https://a.example.com\".'",
      "http://a.example.com:80  | it spells out the default port 80 | ' Write \"http://a.example.com\".'",
      "https://a.example.com:0  | '\"0\" is not a port from 1 to 65535' | ''",
      "https://a.example.com:65536 | '\"65536\" is not a port from 1 to 65535' | ''",
      "https://a.example.com:080 | the port has a leading zero | ' Write \"https://a.example.com:80\".'",
      "https://a.example.com:0443 | the port has a leading zero | ' Write \"https://a.example.com\".'",
      "'https://a.example.com '  | it contains white space   | ' Write \"https://a.example.com\".'",
      "https://a..example.com   | 'the host \"a..example.com\" has an empty label' | ''",
      "https://*.example.com.   | the host of a pattern ends with a dot; write the name without it"
          + " | ' Write \"https://*.example.com\".'",
      "https://1.2.3.4.:8443    | browsers write the IPv4 address 1.2.3.4. as 1.2.3.4"
          + " | ' Write \"https://1.2.3.4:8443\".'",
      "http://127.1:3000        | browsers write the IPv4 address 127.1 as 127.0.0.1"
          + " | ' Write \"http://127.0.0.1:3000\".'",
      "'http://[0:0:0:0:0:0:0:1]' | 'browsers write the IPv6 address [0:0:0:0:0:0:0:1] as [::1]'"
          + " | ' Write \"http://[::1]\".'",
  })
  void originThatIsNotSerializedIsAnErrorShowingTheFix(String origin, String problem,
      String fix) {
    JavaFileObject source = resource("@Cors(origins = \"" + origin + "\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_MALFORMED, origin, problem, fix);
  }

  @Test
  void originWithoutSchemeIsAnErrorShowingTheFix() {
    JavaFileObject source = resource("@Cors(origins = \"app.example.com\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NO_SCHEME, "app.example.com",
        " Write \"https://app.example.com\".");
  }

  @Test
  void loopbackHostWithoutSchemeIsFixedAsPlainHttp() {
    JavaFileObject source = resource("@Cors(origins = \"localhost:3000\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NO_SCHEME, "localhost:3000",
        " Write \"http://localhost:3000\".");
  }

  @Test
  void wildcardWithWhiteSpaceAroundIsFixedUnlessCredentialsRefuseIt() {
    JavaFileObject open = resource("@Cors(origins = \" * \")");
    assertOnly(compile(open), open, "@Cors", Message.ORIGIN_MALFORMED, " * ",
        "it has white space around the \"*\"", " Write \"*\".");
    JavaFileObject credentialed = resource("@Cors(origins = \" * \", allowCredentials = true)");
    assertOnly(compile(credentialed), credentialed, "@Cors", Message.ORIGIN_MALFORMED, " * ",
        "it has white space around the \"*\"", "");
    // Beside other origins "*" would mean nothing (CorsWildcardMixed): no fix there either.
    JavaFileObject beside = resource(
        "@Cors(origins = {\"https://app.example.com\", \" * \"})");
    assertOnly(compile(beside), beside, "@Cors", Message.ORIGIN_MALFORMED, " * ",
        "it has white space around the \"*\"", "");
  }

  /** "https://" before such an entry would make "https://https", valid and never matching. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https:/app.example.com | https://app.example.com",
      "https//app.example.com | https://app.example.com",
      "http:/localhost:3000   | http://localhost:3000",
      "http:/127.0.0.1:8080   | http://127.0.0.1:8080"})
  void mistypedSeparatorIsAnErrorKeepingTheScheme(String origin, String fix) {
    JavaFileObject source = resource("@Cors(origins = \"" + origin + "\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_MALFORMED, origin,
        "\"://\" does not follow its scheme", " Write \"" + fix + "\".");
  }

  /** A fix that would fail the next rule is no fix: a pattern over a public suffix, say. */
  @ParameterizedTest
  @ValueSource(strings = {"*.co.uk", "*example.com", "https:/*.github.io"})
  void fixThatAnotherRuleRefusesIsNotSuggested(String origin) {
    JavaFileObject source = resource("@Cors(origins = \"" + origin + "\")");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    String message = compilation.errors().get(0).getMessage(java.util.Locale.ROOT);
    assertTrue(message.contains("origin \"" + origin + "\""), message);
    assertTrue(!message.contains("Write \"") || message.contains("such as"), message);
  }

  @Test
  void plainHttpFixIsNotSuggestedUnderCredentials() {
    JavaFileObject source = resource("@Cors(origins = \"ws://api.example.com\","
        + " allowCredentials = true)");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NOT_A_PAGE, "ws://api.example.com",
        "a WebSocket URL is what a page connects to; its Origin is the http(s) origin the page was"
            + " loaded from", "");
  }

  @Test
  void originOnABadPortIsNeverAPage() {
    JavaFileObject source = resource("@Cors(origins = \"https://app.example.com:6000\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NOT_A_PAGE,
        "https://app.example.com:6000",
        "port 6000 is one of Fetch's bad ports, from which browsers load nothing", "");
  }

  @Test
  void textThatIsNoHostGetsNoFix() {
    JavaFileObject source = resource("@Cors(origins = \"app.example.com/api\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NO_SCHEME, "app.example.com/api",
        " Write the origin of the page, such as \"https://app.example.com\".");
  }

  /** A text block's line break would cut the message in two, javac's caret between the halves. */
  @Test
  void charactersOneCannotSeeAreEscapedInTheMessage() {
    JavaFileObject source = resource("@Cors(origins = {\"https://app.example.com\\n\",",
        "    \"https://b\\u00a0.example.com\"})");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("origin \"https://app.example.com\\n\" is not a"
        + " serialized origin (it contains white space)");
    assertThat(compilation).hadErrorContaining("origin \"https://b\\u00a0.example.com\"");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void urlWithoutAHostIsNeverAPage() {
    JavaFileObject source = resource("@Cors(origins = \"data:text/html,hi\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NOT_A_PAGE, "data:text/html,hi",
        "a data: URL's page has an opaque origin, which browsers send as \"null\"", "");
  }

  @Test
  void dollarNameIsAPlaceholderMistyped() {
    JavaFileObject source = resource("@Cors(origins = \"$APP_ORIGINS\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_PLACEHOLDER_MALFORMED,
        "$APP_ORIGINS");
  }

  @Test
  void nullOriginIsAnError() {
    JavaFileObject source = resource(
        "@Cors(origins = {",
        "    \"https://app.example.com\",",
        "    \"null\"})");
    assertOnly(compile(source), source, "\"null\"", Message.ORIGIN_NULL);
  }

  @Test
  void webSocketOriginIsAnErrorShowingThePageOrigin() {
    JavaFileObject source = resource("@Cors(origins = \"wss://app.example.com\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NOT_A_PAGE,
        "wss://app.example.com", "a WebSocket URL is what a page connects to; its Origin is the"
            + " http(s) origin the page was loaded from",
        " Write \"https://app.example.com\" if that is where the page comes from.");
  }

  @Test
  void ftpOriginIsAnError() {
    JavaFileObject source = resource(
        "@Cors(origins = {\"https://app.example.com\", \"ftp://files.example.com\"})");
    assertOnly(compile(source), source, "ftp:", Message.ORIGIN_NOT_A_PAGE,
        "ftp://files.example.com", "browsers no longer load pages over ftp", "");
  }

  @Test
  void fileOriginIsAnError() {
    JavaFileObject source = resource("@Cors(origins = \"file:///home/me/index.html\")");
    assertOnly(compile(source), source, "file:", Message.ORIGIN_FILE_SCHEME,
        "file:///home/me/index.html");
  }

  @Test
  void nonAsciiHostIsAnErrorShowingPunycode() {
    JavaFileObject source = resource("@Cors(origins = \"https://bücher.example\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NOT_PUNYCODE,
        "https://bücher.example", "https://xn--bcher-kva.example");
  }

  @Test
  void nonAsciiPatternOverAPublicSuffixNamesTheSuffixRatherThanAFailingFix() {
    JavaFileObject source = resource("@Cors(origins = \"https://*.公司.cn\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_PATTERN_PUBLIC_SUFFIX,
        "https://*.xn--55qx5d.cn", "xn--55qx5d.cn", "https://*.example.xn--55qx5d.cn");
  }

  @Test
  void originsJoinedInOneStringAreAnError() {
    JavaFileObject source =
        resource("@Cors(origins = \"https://a.example.com,https://b.example.com\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_MALFORMED,
        "https://a.example.com,https://b.example.com",
        "it holds 2 origins in one string; each origin is an item of its own",
        " Write {\"https://a.example.com\", \"https://b.example.com\"}.");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://ex*.com", "https://example.*", "https://*", "https://*.*.example.com",
      "https://a.*.example.com", "https://*:*", "https://a.*.example.com:*"})
  void wildcardOtherThanOneLeadingLabelIsAnError(String origin) {
    JavaFileObject source = resource("@Cors(origins = \"" + origin + "\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_BAD_WILDCARD, origin);
  }

  @Test
  void subdomainPatternWithoutSchemeIsAnErrorShowingTheFix() {
    JavaFileObject source = resource("@Cors(origins = \"*.example.com\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_NO_SCHEME, "*.example.com",
        " Write \"https://*.example.com\".");
  }

  @ParameterizedTest
  @CsvSource({
      "https://*.com, com, https://*.example.com",
      "https://*.co.uk, co.uk, https://*.example.co.uk",
      "https://*.github.io, github.io, https://*.example.github.io",
      "https://*.co.uk:8443, co.uk, https://*.example.co.uk:8443",
      "https://*.co.uk:*, co.uk, https://*.example.co.uk:*"})
  void subdomainPatternOverAPublicSuffixIsAnError(String origin, String suffix, String fix) {
    JavaFileObject source = resource("@Cors(origins = \"" + origin + "\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_PATTERN_PUBLIC_SUFFIX, origin,
        suffix, fix);
  }

  /**
   * Wildcard DNS, tunnels and preview hosts hand a name to anyone, though the Public Suffix List
   * does not say so: a pattern over one, over a name above one, or over one below it (where names
   * are handed out a level deeper) is an error too.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://*.nip.io         | nip.io     | wildcard DNS that maps a name to any IP address",
      "https://*.loca.lt:*      | loca.lt    | localtunnel, a tunnel service",
      "https://*.github.dev     | github.dev | under app.github.dev: GitHub Codespaces' forwarded ports",
      "https://*.ws-eu114.gitpod.io | ws-eu114.gitpod.io | under gitpod.io: Gitpod's workspaces"})
  void subdomainPatternOverASharedHostIsAnError(String origin, String parent, String what) {
    JavaFileObject source = resource("@Cors(origins = \"" + origin + "\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_PATTERN_SHARED_HOST, origin,
        parent, what);
    // Names beside a listed one, or ending in its letters without its dot, are others.
    assertClean(compile(resource("@Cors(origins = \"https://*.notgitpod.io\")")));
    assertClean(compile(resource("@Cors(origins = \"https://*.docs.github.dev.example.com\")")));
  }

  /**
   * {@code amazonaws.com} is no public suffix, but {@code s3.amazonaws.com} under it is, so
   * {@code https://*.amazonaws.com} allows a page in anyone's bucket; {@code *.ck} has only a
   * wildcard rule, every name directly under {@code ck} being a public suffix.
   */
  @ParameterizedTest
  @CsvSource({
      "https://*.amazonaws.com, amazonaws.com, s3.amazonaws.com",
      "https://*.ck, ck, *.ck",
      "https://*.kawasaki.jp:8443, kawasaki.jp, *.kawasaki.jp",
      "https://*.amazonaws.com:*, amazonaws.com, s3.amazonaws.com"})
  void subdomainPatternOverADomainWithPublicSuffixesBelowIsAnError(String origin, String domain,
      String rule) {
    JavaFileObject source = resource("@Cors(origins = \"" + origin + "\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_PATTERN_ABOVE_PUBLIC_SUFFIX,
        origin, domain, rule);
  }

  @Test
  void subdomainPatternOverATopLevelNameOffTheListIsAnError() {
    JavaFileObject source = resource("@Cors(origins = \"https://*.banana\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_PATTERN_TOP_LEVEL,
        "https://*.banana", "banana", "https://*.example.banana");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://*.internal", "http://*.localhost:8081", "https://*.corp"})
  void subdomainPatternOverAPrivateUseTopLevelNameIsAccepted(String origin) {
    assertClean(compile(resource("@Cors(origins = \"" + origin + "\")")));
  }

  /** "*." is no pattern, and its fix must not be sought by cutting "*." off what is left. */
  @ParameterizedTest
  @ValueSource(strings = {"https://*.", "*.", "https://*..", "https://a.*."})
  void wildcardWithNothingAfterItIsAnErrorNotACrash(String origin) {
    Compilation compilation = compile(resource("@Cors(origins = \"" + origin + "\")"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[CorsOrigin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://app.example.com", "http://*.example.com",
      "http://192.168.1.10:8080", "http://app.example.com:*", "http://*.example.com:*"})
  void cleartextOriginWithCredentialsIsAnError(String origin) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"" + origin + "\",",
        "    allowCredentials = true)");
    assertOnly(compile(source), source, origin, Message.INSECURE_CREDENTIALS, origin);
  }

  @Test
  void cleartextOriginWithoutCredentialsIsAccepted() {
    assertClean(compile(resource("@Cors(origins = \"http://app.example.com\")")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:3000", "http://localhost", "http://app.localhost",
      "http://*.localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080",
      "http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*", "http://*.localhost:*"})
  void loopbackOriginWithCredentialsIsAccepted(String origin) {
    assertClean(compile(resource(
        "@Cors(origins = \"" + origin + "\", allowCredentials = true)")));
  }

  @Test
  void cleartextCredentialsAreAcceptedWhenSuppressedOnTheClass() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"http://intranet.example.com\", allowCredentials = true)",
        "@SuppressWarnings(\"CorsInsecureCredentials\")",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test.Cors_Res");
  }

  @Test
  void cleartextCredentialsAreAcceptedWhenSuppressedOnTheMethod() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET",
        "  @Cors(origins = \"http://intranet.example.com\", allowCredentials = true)",
        "  @SuppressWarnings(\"CorsInsecureCredentials\")",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test.Cors_Res");
  }

  @Test
  void duplicateOriginIsAWarningOnTheSecond() {
    JavaFileObject source = resource(
        "@Cors(origins = {",
        "    \"https://app.example.com\",",
        "    \"https://*.example.org\",",
        "    \"https://app.example.com\" })");
    assertOnly(compile(source), source, "\"https://app.example.com\" }",
        Message.ORIGIN_DUPLICATE, "https://app.example.com");
  }

  @Test
  void originCoveredByAPatternIsAWarning() {
    JavaFileObject source = resource(
        "@Cors(origins = {",
        "    \"https://app.example.com\",",
        "    \"https://*.example.com\"})");
    assertOnly(compile(source), source, "\"https://app.example.com\"", Message.ORIGIN_COVERED,
        "https://app.example.com", "https://*.example.com");
  }

  @Test
  void patternCoveredByABroaderPatternIsAWarning() {
    JavaFileObject source = resource(
        "@Cors(origins = {",
        "    \"https://*.example.com\",",
        "    \"https://*.eu.example.com\"})");
    assertOnly(compile(source), source, "eu.example.com", Message.ORIGIN_COVERED,
        "https://*.eu.example.com", "https://*.example.com");
  }

  @ParameterizedTest
  @CsvSource({
      "http://localhost:3000, http://localhost:*",
      "http://localhost, http://localhost:*",
      "https://a.example.com:8443, https://*.example.com:*",
      "https://a.example.com, https://*.example.com:*",
      "https://*.eu.example.com:8443, https://*.example.com:*",
      "https://*.eu.example.com, https://*.example.com:*",
      "https://*.eu.example.com:*, https://*.example.com:*",
      "https://*.example.com, https://*.example.com:*",
      "https://eu.example.com:*, https://*.example.com:*"})
  void originCoveredByAPortWildcardIsAWarning(String covered, String wildcard) {
    JavaFileObject source = resource(
        "@Cors(origins = {",
        "    \"" + covered + "\",",
        "    \"" + wildcard + "\"})");
    assertOnly(compile(source), source, "\"" + covered + "\",", Message.ORIGIN_COVERED,
        covered, wildcard);
  }

  @ParameterizedTest
  @CsvSource({
      "https://localhost:3000, http://localhost:*",
      "http://app.localhost:3000, http://localhost:*",
      "https://example.com:8443, https://*.example.com:*",
      "https://example.com:*, https://*.example.com:*",
      "https://*.example.com:*, https://example.com:*",
      "https://*.eu.example.com:*, https://*.example.com"})
  void portWildcardsCoverNoOtherSchemeOrHost(String first, String second) {
    assertClean(compile(resource(
        "@Cors(origins = {\"" + first + "\", \"" + second + "\"})")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:*", "https://*.example.com:*", "http://[::1]:*",
      "https://api.example.com:*"})
  void portWildcardIsAccepted(String origin) {
    assertClean(compile(resource("@Cors(origins = \"" + origin + "\")")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://localhost:30* | 'a port wildcard is \":*\" alone, for any port; list particular ports as origins of their own' | ''",
      "http://LocalHost:*   | the host has upper-case letters | ' Write \"http://localhost:*\".'",
      "http://localhost:*/  | it ends with a slash | ' Write \"http://localhost:*\".'",
      "chrome-extension://abc:* | a port wildcard is only for http and https origins | ''",
      "*:*                  | 'it means any origin, which is \"*\" alone' | ' Write \"*\".'",
      "*://*                | 'it means any origin, which is \"*\" alone' | ' Write \"*\".'"})
  void portWildcardThatIsNotOneIsAnErrorShowingTheFix(String origin, String problem,
      String fix) {
    JavaFileObject source = resource("@Cors(origins = \"" + origin + "\")");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_MALFORMED, origin, problem, fix);
  }

  @Test
  void anyOriginSpelledAsOtherLibrariesDoGetsNoFixWhereStarIsRefused() {
    JavaFileObject source = resource(
        "@Cors(origins = \"*:*\", allowCredentials = true)");
    assertOnly(compile(source), source, "@Cors", Message.ORIGIN_MALFORMED, "*:*",
        "it means any origin, which is \"*\" alone", "");
  }

  @Test
  void originOnAnotherPortIsNotCoveredByThePattern() {
    assertClean(compile(resource(
        "@Cors(origins = {\"https://app.example.com:8443\", \"https://*.example.com\"})")));
  }

  @Test
  void everyBadOriginIsReported() {
    JavaFileObject source = resource(
        "@Cors(origins = {",
        "    \"null\",",
        "    \"https://*.com\",",
        "    \"https://app.example.com/\"},",
        "    allowCredentials = true)");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(Message.ORIGIN_NULL.format())
        .inFile(source).onLineContaining("\"null\"");
    assertThat(compilation).hadErrorContaining(Message.ORIGIN_PATTERN_PUBLIC_SUFFIX.format(
        "https://*.com", "com", "https://*.example.com"))
        .inFile(source).onLineContaining("*.com");
    assertThat(compilation).hadErrorContaining(Message.ORIGIN_MALFORMED.format(
        "https://app.example.com/", "it ends with a slash", " Write \"https://app.example.com\"."))
        .inFile(source).onLineContaining("app.example.com/");
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadWarningCount(0);
  }
}
