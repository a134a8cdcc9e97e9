package org.corsgen.sample.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.corsgen.runtime.CorsFeature;
import org.corsgen.sample.PageServer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * Origins decided at each request ({@link TenantDomainsResource}, whose placeholder's JAX-RS
 * property is a predicate over a set the test changes while the server runs), as Chromium sees
 * them: a page the set names reads the answers, preflighted ones included; taken off the set, or
 * while the check fails, it is refused at its next request, and the requests a refused
 * preflight stands for are never sent. The page is opened at {@code http://localhost:<port>},
 * a port chosen at start-up, which is what such a check is for.
 */
@ExtendWith(Chromium.SkipWhenMissing.class)
class RequestTimeOriginsBrowserTest {

  private static final Set<String> tenants = ConcurrentHashMap.newKeySet();
  private static volatile boolean failing;
  private static Chromium chromium;
  private static PageServer pages;
  private static final RequestLog log = new RequestLog();
  private static HttpServer api;

  private WebDriver driver;
  private String tag;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    pages = PageServer.start("127.0.0.1", 0, "/org/corsgen/sample/browser/pages/");
    Predicate<String> check = origin -> {
      if (failing) {
        throw new IllegalStateException("tenant directory unavailable");
      }
      return tenants.contains(origin);
    };
    api = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        new ResourceConfig(TenantDomainsResource.class, TenantAccountsResource.class,
            CorsFeature.class)
            .property("tenant.origins", check)
            .register(log));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closing : new AutoCloseable[] {
        api == null ? null : api::shutdownNow, pages, chromium}) {
      try {
        if (closing != null) {
          closing.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @BeforeEach
  void openPage(TestInfo test) {
    tenants.clear();
    failing = false;
    driver = chromium.driver();
    tag = test.getTestMethod().orElseThrow().getName();
    driver.get(page() + "/");
  }

  private static String page() {
    return "http://localhost:" + pages.port();
  }

  private Fetched fetch(String method, Map<String, Object> init) {
    return fetch("/tenant-domains", method, init);
  }

  private Fetched fetch(String path, String method, Map<String, Object> init) {
    Map<String, Object> request = new HashMap<>(init);
    request.put("method", method);
    return Fetched.in(driver, "http://127.0.0.1:" + api.getListener("grizzly").getPort()
        + path + "?" + RequestLog.TAG + "=" + tag, request, 1).get(0);
  }

  private static final Map<String, Object> JSON_PUT = Map.of("body", "{}",
      "headers", Map.of("Content-Type", "application/json"));

  @Test
  void aPageTheCheckAllowsReadsAndLosesItWhenTakenOff() {
    tenants.add(page());
    Fetched allowed = fetch("PUT", JSON_PUT);
    assertFalse(allowed.blocked(), allowed.toString());
    assertEquals("stored {}", allowed.body());

    tenants.remove(page());
    Fetched refused = fetch("PUT", JSON_PUT);
    assertTrue(refused.blocked(), refused.toString());
    Fetched unread = fetch("GET", Map.of());
    assertTrue(unread.blocked(), unread.toString());

    tenants.add(page());
    Fetched again = fetch("GET", Map.of());
    assertFalse(again.blocked(), again.toString());
    assertEquals("tenant data", again.body());

    assertEquals(List.of("OPTIONS /tenant-domains 204", "PUT /tenant-domains 200",
        "OPTIONS /tenant-domains 403", "GET /tenant-domains 200", "GET /tenant-domains 200"),
        log.requestsTagged(tag), "the refused PUT is never sent; the GETs are served alike");
  }

  @Test
  void theSameHostOnAnotherNameIsAnotherOrigin() {
    tenants.add("http://127.0.0.1:" + pages.port());
    Fetched refused = fetch("PUT", JSON_PUT);
    assertTrue(refused.blocked(), refused.toString());
    assertEquals(List.of("OPTIONS /tenant-domains 403"), log.requestsTagged(tag));
  }

  @Test
  void whileTheCheckFailsThePageIsRefusedAndTheServerAnswersAsForAnyRefusal() {
    tenants.add(page());
    failing = true;
    Fetched refused = fetch("PUT", JSON_PUT);
    assertTrue(refused.blocked(), refused.toString());
    Fetched unread = fetch("GET", Map.of());
    assertTrue(unread.blocked(), unread.toString());
    failing = false;
    Fetched recovered = fetch("PUT", JSON_PUT);
    assertFalse(recovered.blocked(), recovered.toString());
    assertEquals(List.of("OPTIONS /tenant-domains 403", "GET /tenant-domains 200",
        "OPTIONS /tenant-domains 204", "PUT /tenant-domains 200"), log.requestsTagged(tag),
        "no 500: a failing check is a refusal");
  }

  /**
   * With credentials, the browser wants the origin itself and Allow-Credentials: a page the check
   * allows gets both, preflighted or not; taken off, its credentialed GET is served but unread.
   * (The page is on localhost, which credentials allow over plain http.)
   */
  @Test
  void aPageTheCheckAllowsSendsCredentialsAndReadsTheAnswer() {
    tenants.add(page());
    Map<String, Object> credentialedPut = new HashMap<>(JSON_PUT);
    credentialedPut.put("credentials", "include");
    Fetched allowed = fetch("/tenant-accounts", "PUT", credentialedPut);
    assertFalse(allowed.blocked(), allowed.toString());
    assertEquals("stored {}", allowed.body());
    Fetched read = fetch("/tenant-accounts", "GET", Map.of("credentials", "include"));
    assertEquals("account", read.body());

    tenants.remove(page());
    Fetched unread = fetch("/tenant-accounts", "GET", Map.of("credentials", "include"));
    assertTrue(unread.blocked(), unread.toString());

    assertEquals(List.of("OPTIONS /tenant-accounts 204", "PUT /tenant-accounts 200",
        "GET /tenant-accounts 200", "GET /tenant-accounts 200"), log.requestsTagged(tag));
  }
}
