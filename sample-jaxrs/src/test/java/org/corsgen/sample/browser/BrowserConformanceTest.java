package org.corsgen.sample.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.corsgen.sample.PageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;

/**
 * What only a browser decides, checked in headless Chromium: pages on one loopback origin call
 * the API on another ({@link TestOrigins}), and the server's {@link RequestLog} shows what the
 * browser actually sent.
 *
 * <p>Every test tags its URLs with its own name, so Chromium's preflight cache, which is keyed by
 * URL, never carries one test's preflight over to another.
 */
@ExtendWith(Chromium.SkipWhenMissing.class)
class BrowserConformanceTest {

  private static ConformanceServers servers;
  private static Chromium chromium;

  private WebDriver driver;
  private String tag;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    servers = new ConformanceServers();
  }

  @AfterAll
  static void stop() {
    if (servers != null) {
      servers.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void openPage(TestInfo test) {
    driver = chromium.driver();
    tag = test.getTestMethod().orElseThrow().getName();
    open(TestOrigins.PAGE);
  }

  /** Replaces the current tab with a fresh one showing a page from {@code origin}. */
  private void open(String origin) {
    String previous = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    String fresh = driver.getWindowHandle();
    driver.switchTo().window(previous).close();
    driver.switchTo().window(fresh);
    driver.get(origin + "/");
  }

  /** {@code fetch(API + path, {method, ...init})} in the current page, tagged with this test. */
  private Fetched fetch(String method, String path, Map<String, Object> init) {
    return fetchInTurn(1, method, path, init).get(0);
  }

  /** {@code times} fetches in turn, in one script. */
  private List<Fetched> fetchInTurn(int times, String method, String path,
      Map<String, Object> init) {
    Map<String, Object> request = new HashMap<>(init);
    request.put("method", method);
    return Fetched.in(driver,
        TestOrigins.API + path + "?" + RequestLog.TAG + "=" + tag, request, times);
  }

  private Fetched fetch(String method, String path) {
    return fetch(method, path, Map.of());
  }

  private static Map<String, Object> json(String body) {
    return Map.of("headers", Map.of("Content-Type", "application/json"), "body", body);
  }

  private List<String> serverSaw() {
    return servers.log().requestsTagged(tag);
  }

  /**
   * The suite's premise: Jersey's WADL support is on, so the preflights below meet WADL's OPTIONS
   * method as well as corsgen's. A plain OPTIONS with the browser's Accept gets the WADL.
   */
  @Test
  void wadlIsOnAsWhereverJaxbIsPresent() throws Exception {
    HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest
        .newBuilder(URI.create(TestOrigins.API + "/simple"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Accept", "*/*")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, plain.statusCode());
    // Jersey sends this answer without a Content-Type at some paths; the body says what it is.
    assertTrue(plain.body().contains("<application xmlns=\"http://wadl.dev.java.net/2009/02\">"),
        plain::body);
  }

  @Test
  void simpleGetFromAllowedOriginIsReadable() {
    Fetched answer = fetch("GET", "/simple");

    assertEquals(200, answer.status());
    assertEquals("hello from the API", answer.body());
    assertEquals(List.of("GET /simple 200"), serverSaw(), "a simple request needs no preflight");
  }

  @Test
  void simpleGetFromRefusedOriginIsAnsweredButHiddenFromThePage() {
    open(TestOrigins.OTHER);

    Fetched answer = fetch("GET", "/simple");

    assertTrue(answer.blocked(), answer.toString());
    // CORS protects the answer, not the server: the request was sent and executed.
    assertEquals(List.of("GET /simple 200"), serverSaw());
  }

  @Test
  void putWithJsonIsPreflightedOnceAndThenSent() {
    Fetched answer = fetch("PUT", "/documents/1", json("{\"title\":\"CORS\"}"));

    assertEquals(200, answer.status());
    assertEquals("stored {\"title\":\"CORS\"}", answer.body());
    assertEquals(List.of("OPTIONS /documents/1 204", "PUT /documents/1 200"), serverSaw());
  }

  @Test
  void headerOutsideAllowHeadersFailsThePreflightAndTheRequestIsNeverSent() {
    Fetched answer = fetch("PUT", "/documents/1", Map.of(
        "headers", Map.of("Content-Type", "application/json", "X-Trace", "abc"),
        "body", "{}"));

    assertTrue(answer.blocked(), answer.toString());
    assertEquals(List.of("OPTIONS /documents/1 403"), serverSaw());
  }

  @Test
  void methodOutsideThePolicyFailsThePreflightAndTheRequestIsNeverSent() {
    Fetched answer = fetch("DELETE", "/documents/1");

    assertTrue(answer.blocked(), answer.toString());
    assertEquals(List.of("OPTIONS /documents/1 403"), serverSaw());
  }

  /**
   * The page (127.0.0.1) and the API (localhost) are different sites, so the API's cookie is a
   * third-party cookie. Chromium blocks unpartitioned third-party cookies in a default profile
   * but keeps partitioned (CHIPS) ones, stored under the page's top-level site; with third-party
   * cookies allowed in the profile, the unpartitioned cookie would come back as well.
   */
  @Test
  void credentialedRequestsCarryThePartitionedCookieTheApiSet() {
    Map<String, Object> withCredentials = Map.of("credentials", "include");

    Fetched signIn = fetch("POST", "/session/partitioned", withCredentials);
    Fetched cookies = fetch("GET", "/session", withCredentials);

    assertEquals("signed in", signIn.body());
    assertEquals("cookies: [partitioned]", cookies.body());
  }

  /** See {@link #credentialedRequestsCarryThePartitionedCookieTheApiSet}. */
  @Test
  void unpartitionedCrossSiteCookieIsDroppedByChromiumThoughCorsAllowsCredentials() {
    Map<String, Object> withCredentials = Map.of("credentials", "include");

    Fetched signIn = fetch("POST", "/session/unpartitioned", withCredentials);
    Fetched cookies = fetch("GET", "/session", withCredentials);

    assertEquals("signed in", signIn.body(), "CORS let the page read the credentialed answer");
    assertFalse(cookies.body().contains("unpartitioned"), cookies.body());
  }

  @Test
  void credentialedRequestIsHiddenWhenThePolicyDoesNotAllowCredentials() {
    Fetched withCredentials = fetch("GET", "/session/uncredentialed",
        Map.of("credentials", "include"));
    Fetched withoutCredentials = fetch("GET", "/session/uncredentialed");

    assertTrue(withCredentials.blocked(), withCredentials.toString());
    assertEquals("no credentials granted", withoutCredentials.body());
    assertEquals(
        List.of("GET /session/uncredentialed 200", "GET /session/uncredentialed 200"),
        serverSaw());
  }

  @Test
  void exposedHeaderIsReadableAndUnexposedOneIsNot() {
    Fetched exposed = fetch("GET", "/totals/exposed");
    Fetched hidden = fetch("GET", "/totals/hidden");

    assertEquals("42", exposed.headers().get("x-total-count"));
    assertEquals(200, hidden.status());
    assertNull(hidden.headers().get("x-total-count"),
        "Chromium filters the header out of the page's view");
    assertEquals("application/json", hidden.headers().get("content-type"),
        "safelisted response headers stay readable");
  }

  @Test
  void preflightIsCachedForMaxAge() {
    fetch("PUT", "/cache/ten-minutes", json("{}"));
    Fetched again = fetch("PUT", "/cache/ten-minutes", json("{}"));

    assertEquals(200, again.status());
    assertEquals(List.of(
        "OPTIONS /cache/ten-minutes 204",
        "PUT /cache/ten-minutes 200",
        "PUT /cache/ten-minutes 200"), serverSaw());
  }

  @Test
  void withoutMaxAgeThePreflightIsCachedForTheBrowsersFiveSeconds() throws Exception {
    List<Fetched> first = fetchInTurn(2, "PUT", "/cache/browser-default", json("{}"));
    assertEquals(List.of(200, 200), first.stream().map(Fetched::status).toList());
    Thread.sleep(6_000);
    Fetched later = fetch("PUT", "/cache/browser-default", json("{}"));

    assertEquals(200, later.status());
    assertEquals(List.of(
        "OPTIONS /cache/browser-default 204",
        "PUT /cache/browser-default 200",
        "PUT /cache/browser-default 200",
        "OPTIONS /cache/browser-default 204",
        "PUT /cache/browser-default 200"), serverSaw());
  }

  @Test
  void subdomainPatternAdmitsSubdomainsButNotTheBareHostOrLookAlikes() {
    open(TestOrigins.APP_SUBDOMAIN);
    assertEquals("tenant data", fetch("GET", "/tenant").body());

    open(TestOrigins.APP_ITSELF);
    Fetched bare = fetch("GET", "/tenant");
    assertTrue(bare.blocked(), bare.toString());

    open(TestOrigins.APP_LOOKALIKE);
    Fetched lookalike = fetch("GET", "/tenant");
    assertTrue(lookalike.blocked(), lookalike.toString());
  }

  /**
   * A page whose port is only known once its server is up, as a development server's often is:
   * {@code http://localhost:*} admits it, preflight and credentials included (which a browser
   * allows only when the answer names the page's origin, port and all).
   */
  @Test
  void portWildcardAdmitsItsHostOnAPortChosenAtRunTime() throws Exception {
    try (PageServer dev = PageServer.start("127.0.0.1", 0, "/org/corsgen/sample/browser/pages/")) {
      String page = "http://localhost:" + dev.port();
      open(page);
      Fetched read = fetch("GET", "/dev", Map.of("credentials", "include"));
      assertEquals("dev data", read.body(), read.toString());
      Fetched write = fetch("PUT", "/dev", Map.of("credentials", "include",
          "headers", Map.of("Content-Type", "application/json"), "body", "\"x\""));
      assertEquals("stored \"x\"", write.body(), write.toString());

      open("http://a.b.dev.localhost:" + dev.port());
      Fetched subdomain = fetch("GET", "/dev");
      assertEquals("dev data", subdomain.body(), subdomain.toString());

      open("http://dev.localhost:" + dev.port());
      Fetched bare = fetch("GET", "/dev");
      assertTrue(bare.blocked(), bare.toString());
    }
    open(TestOrigins.PAGE);
    Fetched otherHost = fetch("GET", "/dev");
    assertTrue(otherHost.blocked(), otherHost.toString());
    assertEquals(List.of("GET /dev 200", "OPTIONS /dev 204", "PUT /dev 200", "GET /dev 200",
        "GET /dev 200", "GET /dev 200"), serverSaw());
  }

  @Test
  void methodLevelPolicyReplacesTheClassPolicy() {
    Map<String, Object> text = Map.of("body", "hello");

    assertEquals("read", fetch("GET", "/override").body());
    Fetched writeFromPage = fetch("POST", "/override", text);
    assertTrue(writeFromPage.blocked(), writeFromPage.toString());

    open(TestOrigins.OTHER);
    assertEquals("written", fetch("POST", "/override", text).body());
    Fetched readFromOther = fetch("GET", "/override");
    assertTrue(readFromOther.blocked(), readFromOther.toString());
  }

  @Test
  void mappedExceptionReachesThePageWithItsStatusAndBody() {
    Fetched answer = fetch("GET", "/failing");

    assertEquals(Optional.empty(), answer.error());
    assertEquals(429, answer.status());
    assertEquals("quota exceeded, retry tomorrow", answer.body());
  }

  @Test
  void preflightPassesTheAuthenticationFilterAndTheAuthorizedRequestSucceeds() {
    Fetched answer = fetch("GET", "/vault",
        Map.of("headers", Map.of("Authorization", "Bearer t0ken")));

    assertEquals(200, answer.status());
    assertEquals("opened with Bearer t0ken", answer.body());
    assertEquals(List.of("OPTIONS /vault 204", "GET /vault 200"), serverSaw(),
        "the preflight, which never carries Authorization, was answered before the filter ran");
  }

  /**
   * {@code allowHeaders = "*"} never covers Authorization (Fetch, "CORS-preflight fetch"), and its
   * preflight is refused. Then the same request with another header, which is granted and cached
   * for ten minutes (with the name asked for, since corsgen answers no {@code *}; when it did, a
   * cached {@code *} did not carry Authorization in Chromium 156 either), and then Authorization
   * again: the cached grant must not carry it.
   */
  @Test
  void wildcardHeadersNeverLetAuthorizationThroughNotEvenFromThePreflightCache() {
    Map<String, Object> withAuthorization = Map.of("body", "a",
        "headers", Map.of("Authorization", "Bearer t0ken"));

    Fetched first = fetch("PUT", "/any-header", withAuthorization);
    Fetched other = fetch("PUT", "/any-header", Map.of("body", "b",
        "headers", Map.of("X-Custom", "1")));
    Fetched again = fetch("PUT", "/any-header", withAuthorization);

    assertTrue(first.blocked(), first.toString());
    assertEquals("stored b", other.body(), other.toString());
    assertTrue(again.blocked(), again.toString());
    assertEquals(List.of("OPTIONS /any-header 403", "OPTIONS /any-header 204",
        "PUT /any-header 200", "OPTIONS /any-header 403"), serverSaw());
  }

  @Test
  void pageCanReadTheAuthenticationFiltersRefusal() {
    Fetched answer = fetch("GET", "/vault");

    assertEquals(401, answer.status(), "the page learns that it must sign in");
    assertEquals(List.of("GET /vault 401"), serverSaw());
  }

  @Test
  void customMethodDesignatorIsPreflightedAndServed() {
    Fetched answer = fetch("PURGE", "/counter");

    assertEquals(200, answer.status());
    assertTrue(answer.body().startsWith("purged "), answer.body());
    assertEquals(List.of("OPTIONS /counter 204", "PURGE /counter 200"), serverSaw());
  }

  /**
   * Browsers cache a preflight's methods and header names per origin and URL, not per method, and
   * then send a cached method, or a safelisted one with cached headers, without asking. A header
   * granted to PUT must therefore not reach DELETE or GET, whose policies do not allow it.
   */
  @Test
  void headerAllowedForOneMethodDoesNotCarryOverToOtherMethodsAtTheSameUrl() {
    Fetched put = fetch("PUT", "/mixed", Map.of("headers", Map.of("X-Csrf", "1"), "body", "x"));
    Fetched delete = fetch("DELETE", "/mixed", Map.of("headers", Map.of("X-Csrf", "1")));
    Fetched get = fetch("GET", "/mixed", Map.of("headers", Map.of("X-Csrf", "1")));

    assertEquals("put", put.body());
    assertTrue(delete.blocked(), delete.toString());
    assertTrue(get.blocked(), get.toString());
    assertEquals(List.of(
        "OPTIONS /mixed 204",
        "PUT /mixed 200",
        "OPTIONS /mixed 403",
        "OPTIONS /mixed 403"), serverSaw(), "neither DELETE nor GET was sent with X-Csrf");
  }

  /**
   * Under {@code allowHeaders = "*"} the answer names the headers asked for: asked for X-A, which
   * DELETE at the same URL allows too, it is cached; asked for X-B, which DELETE does not allow,
   * it is not (the second PUT with X-B asks again). DELETE, cached with X-A, then asks before
   * sending X-B; Chromium would ask there in any case, since it keeps one entry per origin and
   * URL, replaced by each answer, where Fetch keeps them all (PreflightCacheModelTest holds the
   * answers to Fetch's cache).
   */
  @Test
  void aWildcardAnswerIsCachedOnlyWhereTheURLsOtherPoliciesAllowItsNames() {
    List<Fetched> withA = fetchInTurn(2, "PUT", "/wildcard-beside-list",
        Map.of("headers", Map.of("X-A", "1"), "body", "x"));
    Fetched deleteWithA = fetch("DELETE", "/wildcard-beside-list",
        Map.of("headers", Map.of("X-A", "1")));
    List<Fetched> withB = fetchInTurn(2, "PUT", "/wildcard-beside-list",
        Map.of("headers", Map.of("X-B", "1"), "body", "x"));
    Fetched deleteWithB = fetch("DELETE", "/wildcard-beside-list",
        Map.of("headers", Map.of("X-B", "1")));

    assertEquals(List.of("put", "put", "deleted", "put", "put"),
        Stream.of(withA.stream(), Stream.of(deleteWithA), withB.stream())
            .flatMap(fetched -> fetched).map(Fetched::body).toList());
    assertTrue(deleteWithB.blocked(), deleteWithB.toString());
    assertEquals(List.of(
        "OPTIONS /wildcard-beside-list 204",
        "PUT /wildcard-beside-list 200",
        "PUT /wildcard-beside-list 200",
        "OPTIONS /wildcard-beside-list 204",
        "DELETE /wildcard-beside-list 200",
        "OPTIONS /wildcard-beside-list 204",
        "PUT /wildcard-beside-list 200",
        "OPTIONS /wildcard-beside-list 204",
        "PUT /wildcard-beside-list 200",
        "OPTIONS /wildcard-beside-list 403"), serverSaw(), "X-A cached, X-B not");
  }

  /**
   * The header names of a preflight are cached for the whole URL, and a safelisted method such as
   * POST is then sent with them without asking. A POST without a policy must not get a header
   * granted to PUT: its own preflight would have been refused.
   */
  @Test
  void headerAllowedForOneMethodDoesNotReachASafelistedMethodWithoutPolicy() {
    Fetched put = fetch("PUT", "/unguarded", Map.of("headers", Map.of("X-Csrf", "1"), "body", "x"));
    Fetched post = fetch("POST", "/unguarded",
        Map.of("headers", Map.of("X-Csrf", "1"), "body", "x"));

    assertEquals("put", put.body());
    assertTrue(post.blocked(), post.toString());
    assertEquals(List.of(
        "OPTIONS /unguarded 204",
        "PUT /unguarded 200",
        "OPTIONS /unguarded 403"), serverSaw(), "POST was not sent with X-Csrf");
  }

  /**
   * Jersey answers OPTIONS at {@code /overlapping/5} with the first template that matches it,
   * {@code {id: \d+}}, which has no GET: the preflight must still answer for the GET that
   * {@code {id}} serves there.
   */
  @Test
  void preflightAnswersForAMethodALaterTemplateServesAtTheUrl() {
    Fetched get = fetch("GET", "/overlapping/5", Map.of("headers", Map.of("X-Csrf", "1")));

    assertEquals("got 5", get.body());
    assertEquals(List.of("OPTIONS /overlapping/5 204", "GET /overlapping/5 200"), serverSaw());
  }

  /**
   * The DELETE's preflight is answered at {@code {id: \d+}}, but the POST at the same URL goes
   * to {@code {id}}, where it has no policy: a header cached with the DELETE's answer must not
   * let the browser send that POST with it unasked.
   */
  @Test
  void headerGrantedAtOneTemplateDoesNotReachASafelistedMethodOfAnother() {
    Fetched delete = fetch("DELETE", "/overlapping/6", Map.of("headers", Map.of("X-Csrf", "1")));
    Fetched post = fetch("POST", "/overlapping/6",
        Map.of("headers", Map.of("X-Csrf", "1"), "body", "x"));

    assertEquals("deleted 6", delete.body());
    assertTrue(post.blocked(), post.toString());
    assertEquals(List.of(
        "OPTIONS /overlapping/6 204",
        "DELETE /overlapping/6 200",
        "OPTIONS /overlapping/6 403"), serverSaw(), "POST was not sent with X-Csrf");
  }

  /** JSON makes the PUT preflighted; the preflight reaches the resource through the locator. */
  @Test
  void preflightedRequestReachesARootResourceThroughALocator() {
    Fetched put = fetch("PUT", "/library/shelf", json("{}"));

    assertEquals("shelved", put.body());
    assertEquals(List.of("OPTIONS /library/shelf 204", "PUT /library/shelf 200"), serverSaw());
  }

  @Test
  void subResourceWithoutPathIsAnsweredWithItsOwnPolicyThroughItsLocator() {
    Fetched renew = fetch("PUT", "/library/loans/5", json("{}"));
    Fetched end = fetch("DELETE", "/library/loans/5");

    assertEquals("renewed loan 5", renew.body());
    assertEquals("5", renew.headers().get("x-loan"), "exposed by the sub-resource's policy");
    assertTrue(end.blocked(), end.toString());
    assertEquals(List.of(
        "OPTIONS /library/loans/5 204",
        "PUT /library/loans/5 200",
        "OPTIONS /library/loans/5 403"), serverSaw(), "the policy grants PUT only");
  }

  /**
   * Jersey calls the locator for the preflight too, and it fails for a loan that does not exist:
   * the preflight is answered from the policy the locator's class has for PUT, so the PUT is
   * sent and the page reads its 404 rather than a network error.
   */
  @Test
  void aLocatorsErrorIsReadableEvenWhereTheRequestNeedsAPreflight() {
    Fetched missing = fetch("PUT", "/library/loans/missing", json("{}"));
    Fetched end = fetch("DELETE", "/library/loans/missing");

    assertFalse(missing.blocked(), missing.toString());
    assertEquals(404, missing.status());
    assertTrue(end.blocked(), "DELETE has no policy there: " + end);
    assertEquals(List.of(
        "OPTIONS /library/loans/missing 204",
        "PUT /library/loans/missing 404",
        "OPTIONS /library/loans/missing 404"), serverSaw());
  }

  @Test
  void regexTemplateEnablesCorsOnMatchingPathsOnly() {
    Fetched item = fetch("PUT", "/items/42", json("{}"));
    Fetched notAnItem = fetch("PUT", "/items/abc", json("{}"));

    assertEquals("stored item 42", item.body());
    assertTrue(notAnItem.blocked(), notAnItem.toString());
    assertEquals(List.of(
        "OPTIONS /items/42 204",
        "PUT /items/42 200",
        "OPTIONS /items/abc 404"), serverSaw(), "/items/abc does not exist, so nor does its CORS");
  }

  @Test
  void pageCanReadJerseysUnsupportedMediaType() {
    Fetched answer = fetch("PUT", "/items/7",
        Map.of("headers", Map.of("Content-Type", "text/plain"), "body", "seven"));

    assertEquals(Optional.empty(), answer.error());
    assertEquals(415, answer.status(), "the page learns what it sent wrong");
    assertEquals(List.of("OPTIONS /items/7 204", "PUT /items/7 415"), serverSaw());
  }

  @Test
  void anOwnCorsFilterLeftInPlaceDoesNotWidenThePreflightsGrant() {
    Fetched put = fetch("PUT", "/legacy/1");
    Fetched delete = fetch("DELETE", "/legacy/1");

    assertEquals(200, put.status());
    assertTrue(delete.blocked(), delete.toString());
    assertEquals(List.of(
        "OPTIONS /legacy/1 204",
        "PUT /legacy/1 200",
        "OPTIONS /legacy/1 403"), serverSaw(),
        "the filter's methods were not cached with the PUT's preflight, so DELETE was asked for"
            + " and refused, never sent");
  }

  /**
   * Server-sent events: the response filter's grant reaches a stream as any other answer, and
   * native {@code EventSource} reconnects with {@code Last-Event-ID} and no preflight, though the
   * policy does not allow that header (Firefox and Safari too, as reported in whatwg/fetch#568).
   */
  @Test
  void eventStreamIsReadableAndReconnectsWithTheLastEventIdUnpreflighted() {
    Streamed ticks = Streamed.in(driver, TestOrigins.API + "/ticker?" + RequestLog.TAG + "=" + tag,
        4);

    assertEquals(List.of("tick 1", "tick 2", "tick 3", "tick 4"), ticks.messages(),
        "the second connection went on from the Last-Event-ID of the first");
    assertFalse(ticks.failed());
    assertEquals(List.of("GET /ticker 200", "GET /ticker 200"), serverSaw(),
        "two connections, no OPTIONS between them");
  }

  @Test
  void eventStreamFromARefusedOriginFailsWithoutAMessage() {
    open(TestOrigins.OTHER);

    Streamed ticks = Streamed.in(driver, TestOrigins.API + "/ticker?" + RequestLog.TAG + "=" + tag,
        1);

    assertTrue(ticks.failed(), "EventSource gives up: a CORS failure is not retried");
    assertEquals(List.of(), ticks.messages());
    assertEquals(List.of("GET /ticker 200"), serverSaw(), "sent, answered, hidden from the page");
  }

  /**
   * A grant that a hand-written filter puts on an answer without Origin (a no-cors fetch, an img)
   * would stay in the browser's cache: Chromium revalidates that answer for the page's next CORS
   * fetch, and the 304, which grants nothing, cannot take a stored grant back. corsgen removes it.
   */
  @Test
  void aGrantOnAnAnswerWithoutOriginDoesNotReachARefusedPageThroughTheCache() {
    open(TestOrigins.OTHER);

    Fetched direct = fetch("GET", "/legacy-cached");
    fetch("GET", "/legacy-cached", Map.of("mode", "no-cors"));
    Fetched afterNoCors = fetch("GET", "/legacy-cached");

    assertTrue(direct.blocked(), direct.toString());
    assertTrue(afterNoCors.blocked(), "read through the cache: " + afterNoCors);
    assertTrue(serverSaw().size() >= 2, "the answers came from the server: " + serverSaw());
  }
}
