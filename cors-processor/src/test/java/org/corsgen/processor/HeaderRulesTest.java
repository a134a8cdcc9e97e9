package org.corsgen.processor;

import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.resource;
import static org.corsgen.processor.ProcessorTests.source;

import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
        "X-Trace, X-Span");
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
}
