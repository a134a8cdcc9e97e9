package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.resource;
import static org.corsgen.processor.ProcessorTests.source;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on {@code allowHeaders} and {@code exposeHeaders}. */
class HeaderRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"allowHeaders", "exposeHeaders"})
  void headerNameThatIsNotATokenIsAnError(String attribute) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    " + attribute + " = {\"X-Token\",",
        "        \"X-Trace, X-Span\"})");
    assertOnly(compile(source), source, "X-Span", Message.HEADER_INVALID, attribute,
        "X-Trace, X-Span", " Write {\"X-Trace\", \"X-Span\"}.");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'Content-Type ' | ' Write \"Content-Type\".'",
      "X-Trace:        | ' Write \"X-Trace\".'",
      "'X-Trace: 1'    | ' Write \"X-Trace\".'",
      "'X-Trace,'      | ' Write \"X-Trace\".'",
      "'X Trace'       | ' Write each name as an entry of its own, such as \"X-Request-Id\".'",
      "'X-A, Cookie'   | ' Write each name as an entry of its own, such as \"X-Request-Id\".'",
      "'X-*, X-B'      | ' Write each name as an entry of its own, such as \"X-Request-Id\".'",
      "'X-C, x-c'      | ' Write \"X-C\".'",
      "' * '           | ' Write \"*\".'",
      "'X-Trace: 1, X-G' | ' Write each name as an entry of its own, such as \"X-Request-Id\".'",
      "X-Tr\u00e4ce    | ' Write each name as an entry of its own, such as \"X-Request-Id\".'"})
  void headerNameThatIsNotATokenGetsTheNameItMeant(String name, String fix) {
    JavaFileObject source = resource(
        "@Cors(origins = \"https://app.example.com\", allowHeaders = \"" + name + "\")");
    assertOnly(compile(source), source, "allowHeaders", Message.HEADER_INVALID, "allowHeaders",
        name, fix);
  }

  /** With credentials "*" is an error of its own: the fix would only trade one for the other. */
  @ParameterizedTest
  @ValueSource(strings = {"allowHeaders", "exposeHeaders"})
  void wildcardWithWhiteSpaceAroundGetsNoFixUnderCredentials(String attribute) {
    JavaFileObject source = resource("@Cors(origins = \"https://app.example.com\","
        + " allowCredentials = true, " + attribute + " = \" * \")");
    assertOnly(compile(source), source, attribute, Message.HEADER_INVALID, attribute, " * ",
        " Write each name as an entry of its own, such as \"X-Request-Id\".");
  }

  @ParameterizedTest
  @ValueSource(strings = {"allowHeaders", "exposeHeaders"})
  void headerNameWithAStarIsAnErrorNotAPattern(String attribute) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    " + attribute + " = {\"X-Token\",",
        "        \"X-Custom-*\"})");
    assertOnly(compile(source), source, "\"X-Custom-*\"", Message.HEADER_PATTERN, attribute,
        "X-Custom-*");
  }

  /** One mistake, one diagnostic: the pattern is an error, not also a name "*" covers. */
  @Test
  void headerPatternBesideAStarIsOnlyThePatternError() {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    exposeHeaders = {\"*\",",
        "        \"X-Custom-*\"})");
    assertOnly(compile(source), source, "\"X-Custom-*\"", Message.HEADER_PATTERN, "exposeHeaders",
        "X-Custom-*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"allowHeaders", "exposeHeaders"})
  void headerListedTwiceIgnoringCaseIsAWarning(String attribute) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    " + attribute + " = {\"X-Token\",",
        "        \"x-token\"})");
    assertOnly(compile(source), source, "\"x-token\"", Message.HEADER_DUPLICATE, attribute,
        "x-token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"allowHeaders", "exposeHeaders"})
  void nameBesideTheWildcardIsAWarning(String attribute) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    " + attribute + " = {\"X-Token\",",
        "        \"*\"})");
    assertOnly(compile(source), source, "\"X-Token\"", Message.HEADER_COVERED, attribute,
        "X-Token", attribute.equals("allowHeaders") ? " but Authorization" : "");
  }

  /** A fix is offered only when every name in it passes the next rules. */
  @Test
  void joinedExposeHeadersWithARequestHeaderGetNoFixThatFails() {
    JavaFileObject source = resource(
        "@Cors(origins = \"https://app.example.com\", exposeHeaders = \"Origin;X-Total\")");
    assertOnly(compile(source), source, "exposeHeaders", Message.HEADER_INVALID, "exposeHeaders",
        "Origin;X-Total",
        " Write each name as an entry of its own, such as \"X-Request-Id\".");
  }

  /** Beside "*" the names it meant are covered already: no fix that the next rule removes. */
  @Test
  void joinedNamesBesideAStarGetNoFixThatIsCovered() {
    JavaFileObject source = resource(
        "@Cors(origins = \"https://app.example.com\", allowHeaders = {\"*\", \"X-A;X-B\"})");
    assertOnly(compile(source), source, "allowHeaders", Message.HEADER_INVALID, "allowHeaders",
        "X-A;X-B", " Write each name as an entry of its own, such as \"X-Request-Id\".");
  }

  /** Listed twice beside "*": the duplicate is said once, the name "*" covers once. */
  @Test
  void duplicateBesideTheWildcardIsOnlyTheDuplicate() {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    exposeHeaders = {\"*\", \"X-A\",",
        "        \"X-a\"})");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.HEADER_DUPLICATE.format(
        "exposeHeaders", "X-a")).inFile(source).onLineContaining("\"X-a\"");
    assertThat(compilation).hadWarningContaining(Message.HEADER_COVERED.format(
        "exposeHeaders", "X-A", "")).inFile(source).onLineContaining("\"X-A\"");
    assertThat(compilation).hadWarningCount(2);
  }

  /** "*" never covers Authorization in allowHeaders: naming it beside "*" is how to allow it. */
  @Test
  void authorizationBesideTheWildcardIsNeeded() {
    assertClean(compile(resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    allowHeaders = {\"*\", \"Authorization\"})")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Cookie", "Accept-Encoding", "Origin", "dnt", "Proxy-Authorization",
      "Sec-Fetch-Mode", "Access-Control-Request-Headers"})
  void forbiddenRequestHeaderInAllowHeadersIsAWarning(String header) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    allowHeaders = \"" + header + "\")");
    assertOnly(compile(source), source, "allowHeaders", Message.ALLOW_FORBIDDEN_HEADER, header);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Access-Control-Allow-Origin", "access-control-allow-credentials",
      "Access-Control-Max-Age", "Access-Control-Expose-Headers"})
  void corsResponseHeaderInAllowHeadersIsAnError(String header) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    allowHeaders = \"" + header + "\")");
    assertOnly(compile(source), source, "allowHeaders", Message.ALLOW_RESPONSE_HEADER, header);
  }

  @ParameterizedTest
  @ValueSource(strings = {"allowHeaders", "exposeHeaders"})
  void anyHeaderWithCredentialsIsAnError(String attribute) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    allowCredentials = true,",
        "    " + attribute + " = \"*\")");
    assertOnly(compile(source), source, attribute, Message.CREDENTIALS_ANY_HEADER, attribute);
  }

  @Test
  void anyHeaderWhileAMethodReadsAuthorizationIsAWarning() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    allowHeaders = \"*\")",
        "public class Res {",
        "  @GET",
        "  public String get(@HeaderParam(\"authorization\") String token) {",
        "    return token;",
        "  }",
        "}");
    assertOnly(compile(source), source, "allowHeaders", Message.ANY_HEADER_WITHOUT_AUTHORIZATION,
        "test.Res.get(String)", "authorization");
  }

  @Test
  void anyHeaderBesideAuthorizationIsAccepted() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", allowHeaders = {\"*\", \"Authorization\"})",
        "public class Res {",
        "  @GET",
        "  public String get(@HeaderParam(\"Authorization\") String token) {",
        "    return token;",
        "  }",
        "}")));
  }

  @Test
  void anyHeaderIsAcceptedWhenNoMethodUnderThePolicyReadsAuthorization() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", allowHeaders = \"*\")",
        "public class Res {",
        "  @GET",
        "  public String get(@HeaderParam(\"X-Token\") String token) {",
        "    return token;",
        "  }",
        "",
        "  @DELETE",
        "  @Cors(origins = \"https://admin.example.com\", allowHeaders = \"Authorization\")",
        "  public void delete(@HeaderParam(\"Authorization\") String token) {}",
        "}")));
  }

  @Test
  void headerReadButNotAllowedIsAWarningOncePerHeader() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", allowHeaders = \"Content-Type\")",
        "public class Res {",
        "  @GET public String get(@HeaderParam(\"X-Api-Key\") String key) { return key; }",
        "  @DELETE public void delete(@HeaderParam(\"x-api-key\") String key) {}",
        "}");
    assertOnly(compile(source), source, "allowHeaders", Message.HEADER_PARAM_NOT_ALLOWED,
        "test.Res.get(String)", "X-Api-Key", "X-Api-Key");
  }

  /** EventSource sends it without a preflight; a page's own event-stream client does not. */
  @Test
  void lastEventIdReadButNotAllowedSaysEventSourceNeedsNoPermission() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET @Produces(\"text/event-stream\")",
        "  public String get(@HeaderParam(\"last-event-id\") String last) { return last; }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.HEADER_PARAM_LAST_EVENT_ID,
        "test.Res.get(String)", "last-event-id", "last-event-id");
  }

  /**
   * A cross-origin request carries cookies only with credentials "include", whose answer the
   * browser refuses without Access-Control-Allow-Credentials: reading one under a policy without
   * credentials is a warning, on allowCredentials where it is written; a bean's cookie counts,
   * credentials or a suppression silence it.
   */
  @Test
  void cookieReadUnderAPolicyWithoutCredentialsIsAWarning() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET public String get(@CookieParam(\"session\") String session) { return session; }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.COOKIE_WITHOUT_CREDENTIALS,
        "test.Res.get(String)", "session");
    JavaFileObject bean = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\",",
        "    allowCredentials = false)",
        "public class Res {",
        "  public static class Session { @CookieParam(\"sid\") public String sid; }",
        "  @GET public String get(@BeanParam Session session) { return session.sid; }",
        "}");
    assertOnly(compile(bean), bean, "allowCredentials", Message.COOKIE_WITHOUT_CREDENTIALS,
        "test.Res.Session.sid (in the @BeanParam of test.Res.get(Session))", "sid");
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", allowCredentials = true)",
        "public class Res {",
        "  @GET public String get(@CookieParam(\"session\") String session) { return session; }",
        "}")));
    // Under "*" no page can send credentials, and a cookie with a default may be missing.
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"*\")",
        "public class Res {",
        "  @GET public String get(@CookieParam(\"session\") String session) { return session; }",
        "}")));
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET public String get(@CookieParam(\"theme\") @DefaultValue(\"light\") String theme) {",
        "    return theme;",
        "  }",
        "}")));
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET public String get(",
        "      @SuppressWarnings(\"CorsCookieWithoutCredentials\") @CookieParam(\"session\")",
        "      String session) { return session; }",
        "}")));
  }

  /** A field or constructor parameter is read by every request to the resource. */
  @Test
  void headerReadByAFieldOrConstructorIsAWarningToo() {
    JavaFileObject field = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", allowHeaders = \"Content-Type\")",
        "public class Res {",
        "  @HeaderParam(\"X-Tenant\") String tenant;",
        "  @GET public String get() { return tenant; }",
        "}");
    assertOnly(compile(field), field, "allowHeaders", Message.HEADER_PARAM_NOT_ALLOWED,
        "test.Res.tenant", "X-Tenant", "X-Tenant");
    JavaFileObject constructor = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", allowHeaders = \"Content-Type\")",
        "public class Res {",
        "  private final String tenant;",
        "  public Res(@HeaderParam(\"X-Tenant\") String tenant) { this.tenant = tenant; }",
        "  @GET public String get() { return tenant; }",
        "}");
    assertOnly(compile(constructor), constructor, "allowHeaders",
        Message.HEADER_PARAM_NOT_ALLOWED, "test.Res(String)", "X-Tenant", "X-Tenant");
  }

  /** A @BeanParam's fields and setters are read as the method's parameters are, nested too. */
  @Test
  void headerReadThroughABeanParamIsAWarningToo() {
    JavaFileObject bean = source("Query",
        "public class Query {",
        "  @HeaderParam(\"X-Api-Key\") String key;",
        "  @BeanParam Paging paging;",
        "}");
    JavaFileObject paging = source("Paging",
        "public class Paging {",
        "  @BeanParam Query loop;",
        "  @HeaderParam(\"X-Page\") public void setPage(String page) {}",
        "}");
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", allowHeaders = \"Content-Type\")",
        "public class Res {",
        "  @GET public String get(@BeanParam Query query) { return \"\"; }",
        "}");
    Compilation compilation = compile(source, bean, paging);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.HEADER_PARAM_NOT_ALLOWED.format(
        "test.Query.key (in the @BeanParam of test.Res.get(Query))", "X-Api-Key",
        "X-Api-Key")).inFile(source).onLineContaining("allowHeaders");
    assertThat(compilation).hadWarningContaining(Message.HEADER_PARAM_NOT_ALLOWED.format(
        "test.Paging.setPage(String) (in the @BeanParam of test.Res.get(Query))", "X-Page",
        "X-Page")).inFile(source).onLineContaining("allowHeaders");
    assertThat(compilation).hadWarningCount(2);
  }

  /** Where it is read includes the bean's member, and a bean field of the resource counts. */
  @Test
  void headerReadThroughABeanParamIsSuppressedOnTheBeansMember() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @BeanParam Query query;",
        "  @GET public String get() { return \"\"; }",
        "}"), source("Query",
        "public class Query {",
        "  @SuppressWarnings(\"CorsHeaderParamNotAllowed\")",
        "  @HeaderParam(\"X-Api-Key\") String key;",
        "}")));
  }

  /** A bean in a bean through a setter, and a resource's own setter, are read too. */
  @Test
  void headerReadThroughSettersIsAWarningToo() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @HeaderParam(\"X-Own\") public void setOwn(String own) {}",
        "  @GET public String get(@BeanParam Outer outer) { return \"\"; }",
        "}");
    Compilation compilation = compile(source, source("Outer",
        "public class Outer {",
        "  @BeanParam public void setInner(Inner inner) {}",
        "}"), source("Inner",
        "public class Inner {",
        "  @HeaderParam(\"X-Inner\") String inner;",
        "}"));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.HEADER_PARAM_NOT_ALLOWED.format(
        "test.Inner.inner (in the @BeanParam of test.Res.get(Outer))", "X-Inner", "X-Inner"));
    assertThat(compilation).hadWarningContaining(Message.HEADER_PARAM_NOT_ALLOWED.format(
        "test.Res.setOwn(String)", "X-Own", "X-Own"));
    assertThat(compilation).hadWarningCount(2);
  }

  /** Where it is read is any element on the way: a parameter, or a bean field holding a bean. */
  @Test
  void headerReadIsSuppressedOnTheParameterOrANestedBeanField() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET public String get(",
        "      @SuppressWarnings(\"CorsHeaderParamNotAllowed\") @HeaderParam(\"X-P\") String p,",
        "      @BeanParam Outer outer) {",
        "    return p;",
        "  }",
        "}"), source("Outer",
        "public class Outer {",
        "  @SuppressWarnings(\"CorsHeaderParamNotAllowed\") @BeanParam Inner inner;",
        "}"), source("Inner",
        "public class Inner {",
        "  @HeaderParam(\"X-Inner\") String inner;",
        "}")));
  }

  /**
   * Only what Jersey injects counts: instance fields and the public constructor with the most
   * parameters, in a root resource (a locator makes its sub-resources itself).
   */
  @Test
  void headerReadOnlyWhereJerseyDoesNotInjectIsNotReported() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @HeaderParam(\"X-Static\") static String shared;",
        "  public Res() {}",
        "  private Res(@HeaderParam(\"X-Private\") String a) {}",
        "  @GET public String get() { return \"\"; }",
        "}"), source("Sub",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Sub {",
        "  @HeaderParam(\"X-Sub\") String made;",
        "  @GET public String get() { return made; }",
        "}")));
  }

  /** Three policies of one class, one field: each policy needs the header, so three warnings. */
  @Test
  void headerReadByAFieldIsReportedForEachPolicy() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @HeaderParam(\"X-Tenant\") String tenant;",
        "  @GET public String get() { return tenant; }",
        "  @PUT @Cors(origins = \"https://admin.example.com\") public void put() {}",
        "  @DELETE @Cors(origins = \"https://root.example.com\") public void delete() {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadWarningCount(3);
    assertThat(compilation).hadWarningContaining("test.Res.tenant reads the request header");
  }

  @Test
  void authorizationReadByAFieldUnderAnyHeaderIsAWarning() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", allowHeaders = \"*\")",
        "public class Res {",
        "  @HeaderParam(\"Authorization\") String token;",
        "  @GET public String get() { return token; }",
        "}");
    assertOnly(compile(source), source, "allowHeaders", Message.ANY_HEADER_WITHOUT_AUTHORIZATION,
        "test.Res.token", "Authorization");
  }

  /** The message says to suppress it on the method; that must work under a class policy. */
  @Test
  void headerReadButNotAllowedIsSuppressedOnTheMethod() {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET @SuppressWarnings(\"CorsHeaderParamNotAllowed\")",
        "  public String get(@HeaderParam(\"X-Api-Key\") String key) { return key; }",
        "}")));
  }

  @Test
  void headerReadUnderAPolicyWithoutAllowHeadersIsAWarningOnTheAnnotation() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET public String get(@HeaderParam(\"Authorization\") String token) { return token; }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.HEADER_PARAM_NOT_ALLOWED,
        "test.Res.get(String)", "Authorization", "Authorization");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Accept", "accept-language", "Content-Language", "Range", "Content-Type",
      "Cookie", "Origin", "User-Agent", "If-None-Match", "Forwarded", "X-Forwarded-For",
      "X-Real-IP", "Authorization"})
  void headerThatNeedsNoPermissionOrIsAllowedIsNotReported(String header) {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", allowHeaders = \"authorization\",",
        "    methods = \"GET\")",
        "public class Res {",
        "  @GET public String get(@HeaderParam(\"" + header + "\") String value) {",
        "    return value;",
        "  }",
        "  // Not granted to pages, so not called by them.",
        "  @PUT public void put(@HeaderParam(\"X-Not-Granted\") String value) {}",
        "}")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Set-Cookie", "set-cookie2"})
  void setCookieInExposeHeadersIsAnError(String header) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    exposeHeaders = \"" + header + "\")");
    assertOnly(compile(source), source, "exposeHeaders", Message.EXPOSE_FORBIDDEN, header);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Cache-Control", "Content-Language", "Content-Length", "content-type",
      "Expires", "Last-Modified", "Pragma"})
  void safelistedResponseHeaderInExposeHeadersIsAWarning(String header) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    exposeHeaders = \"" + header + "\")");
    assertOnly(compile(source), source, "exposeHeaders", Message.EXPOSE_SAFELISTED, header);
  }

  /** A page reads response headers; Origin and Access-Control-Request-* only go the other way. */
  @ParameterizedTest
  @ValueSource(strings = {"Origin", "Access-Control-Request-Method",
      "access-control-request-headers"})
  void corsRequestHeaderInExposeHeadersIsAWarning(String header) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    exposeHeaders = \"" + header + "\")");
    assertOnly(compile(source), source, "exposeHeaders", Message.EXPOSE_REQUEST_HEADER, header);
  }

  /** Beside "*", the header is reported for what it is, not a second time as covered. */
  @Test
  void corsRequestHeaderBesideTheWildcardIsReportedOnce() {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    exposeHeaders = {\"*\",",
        "        \"Origin\"})");
    assertOnly(compile(source), source, "\"Origin\"", Message.EXPOSE_REQUEST_HEADER, "Origin");
  }

  /** A body only as JSON needs {@code Content-Type} allowed: no browser request could succeed. */
  @Test
  void bodyOnlyAsJsonWithoutContentTypeAllowedIsAWarning() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @PUT @Consumes(\"application/json; charset=utf-8\")",
        "  @Cors(origins = \"https://app.example.com\",",
        "      allowHeaders = \"X-Token\")",
        "  public String put(String body) { return body; }",
        "}");
    assertOnly(compile(source), source, "allowHeaders", Message.CONTENT_TYPE_NOT_ALLOWED,
        "test.Res.put(String)", "application/json");
  }

  @Test
  void classLevelConsumesCountsAndTheWarningGoesOnTheAnnotation() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Consumes({\"application/json\", \"application/xml\"})",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @POST public String post(String body) { return body; }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.CONTENT_TYPE_NOT_ALLOWED,
        "test.Res.post(String)", "application/json, application/xml");
  }

  /**
   * Jersey takes a class-level {@code @Consumes} from the class it serves (or the type it takes
   * {@code @Path} from) and its superclasses, not from a base that declares the method: the
   * resource's JSON counts for a method inherited from a generic base, and a non-@Path
   * interface's does not count at all.
   */
  @Test
  void classLevelConsumesIsTheServedClassesNotTheDeclaringBases() {
    JavaFileObject inherited = source("Res",
        "@Path(\"/items\")",
        "@Consumes(\"application/json\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res extends Crud<String> {}",
        "",
        "abstract class Crud<T> {",
        "  @POST public String create(T item) { return \"\"; }",
        "}");
    assertOnly(compile(inherited), inherited, "@Cors", Message.CONTENT_TYPE_NOT_ALLOWED,
        "test.Crud.create(T)", "application/json");
    JavaFileObject ignored = source("Res",
        "@Path(\"/items\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res implements Api {",
        "  @Override public String create(String item) { return \"\"; }",
        "}",
        "",
        "@Consumes(\"application/json\")",
        "interface Api {",
        "  @POST String create(String item);",
        "}");
    assertClean(compile(ignored));
  }

  static Stream<Arguments> bodiesAPageCanSend() {
    String json = "@PUT @Consumes(\"application/json\") public String put(String body) {"
        + " return body; }";
    return Stream.of(
        // Content-Type allowed, by name in any case or by "*" without credentials
        Arguments.of("allowHeaders = \"content-type\"", json),
        Arguments.of("allowHeaders = \"*\"", json),
        // a safelisted type, or a range holding one, goes out without a preflight's leave
        Arguments.of("allowHeaders = {}",
            "@PUT @Consumes(\"text/plain\") public String put(String body) { return body; }"),
        Arguments.of("allowHeaders = {}", "@PUT @Consumes({\"application/json\","
            + " \"multipart/form-data\"}) public String put(String body) { return body; }"),
        Arguments.of("allowHeaders = {}",
            "@PUT @Consumes(\"application/*\") public String put(String body) { return body; }"),
        // no body read, or no @Consumes at all
        Arguments.of("allowHeaders = {}", "@PUT @Path(\"{id}\") @Consumes(\"application/json\")"
            + " public String put(@PathParam(\"id\") String id) { return id; }"),
        Arguments.of("allowHeaders = {}", "@PUT public String put(String body) { return body; }"),
        // a policy that does not grant the method has nothing to warn about
        Arguments.of("methods = \"GET\"",
            "@GET public String get() { return \"\"; }\n  " + json));
  }

  @ParameterizedTest
  @MethodSource("bodiesAPageCanSend")
  void bodyThatAPageCanSendIsNoWarning(String attributes, String methods) {
    assertClean(compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\", " + attributes + ")",
        "public class Res {",
        "  " + methods,
        "}")));
  }
}
