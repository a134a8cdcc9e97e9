package org.corsgen.processor.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token syntax and the Fetch standard's special names, without a compiler. */
class HttpNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"GET", "patch", "X-Request-Id", "*", "!#$%&'*+-.^_`|~09azAZ"})
  void tokenCharactersMakeAToken(String name) {
    assertTrue(HttpNames.isToken(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "X Token", "X-Token ", "a,b", "a:b", "(GET)", "\"x\"", "a/b",
      "ä", "a\tb", "{x}", "a=b"})
  void otherCharactersMakeNoToken(String name) {
    assertFalse(HttpNames.isToken(name));
  }

  @Test
  void forbiddenMethodsIgnoreCase() {
    assertTrue(HttpNames.isForbiddenMethod("CONNECT"));
    assertTrue(HttpNames.isForbiddenMethod("Trace"));
    assertTrue(HttpNames.isForbiddenMethod("track"));
    assertFalse(HttpNames.isForbiddenMethod("PATCH"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Accept-Charset", "accept-encoding", "Access-Control-Request-Headers",
      "Access-Control-Request-Method", "Connection", "Content-Length", "Cookie", "Cookie2", "Date",
      "DNT", "Expect", "Host", "Keep-Alive", "Origin", "Referer", "Set-Cookie", "TE", "Trailer",
      "Transfer-Encoding", "Upgrade", "Via", "Proxy-Authorization", "proxy-anything",
      "Sec-Fetch-Site", "sec-ch-ua"})
  void forbiddenRequestHeadersIgnoreCase(String name) {
    assertTrue(HttpNames.isForbiddenRequestHeader(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "Content-Type", "X-Proxy", "Secret", "Accept"})
  void ordinaryRequestHeadersAreNotForbidden(String name) {
    assertFalse(HttpNames.isForbiddenRequestHeader(name));
  }

  @Test
  void corsResponseHeadersAreTheAllowFamilyMaxAgeAndExpose() {
    assertTrue(HttpNames.isCorsResponseHeader("Access-Control-Allow-Origin"));
    assertTrue(HttpNames.isCorsResponseHeader("access-control-allow-private-network"));
    assertTrue(HttpNames.isCorsResponseHeader("Access-Control-Max-Age"));
    assertTrue(HttpNames.isCorsResponseHeader("Access-Control-Expose-Headers"));
    assertFalse(HttpNames.isCorsResponseHeader("Access-Control-Request-Method"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Origin", "access-control-request-method",
      "Access-Control-Request-Headers", "Access-Control-Request-Private-Network"})
  void corsRequestHeadersAreOriginAndTheRequestFamily(String name) {
    assertTrue(HttpNames.isCorsRequestHeader(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Access-Control-Allow-Origin", "Origin-Agent-Cluster", "X-Origin",
      "Authorization"})
  void otherHeadersAreNoCorsRequestHeaders(String name) {
    assertFalse(HttpNames.isCorsRequestHeader(name));
  }

  @Test
  void setCookieIsNeverReadable() {
    assertTrue(HttpNames.isForbiddenResponseHeader("Set-Cookie"));
    assertTrue(HttpNames.isForbiddenResponseHeader("SET-COOKIE2"));
    assertFalse(HttpNames.isForbiddenResponseHeader("Cookie"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Cache-Control", "Content-Language", "Content-Length", "Content-Type",
      "Expires", "Last-Modified", "pragma"})
  void safelistedResponseHeadersIgnoreCase(String name) {
    assertTrue(HttpNames.isSafelistedResponseHeader(name));
  }

  @Test
  void otherResponseHeadersAreNotSafelisted() {
    assertFalse(HttpNames.isSafelistedResponseHeader("ETag"));
    assertFalse(HttpNames.isSafelistedResponseHeader("Content-Encoding"));
  }
}
