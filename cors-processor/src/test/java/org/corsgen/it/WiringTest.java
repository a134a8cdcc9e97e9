package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.corsgen.it.ConfiguredOriginsTest.rootCause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import javax.tools.ToolProvider;
import org.corsgen.Cors;
import org.corsgen.runtime.CorsFeature;
import org.corsgen.runtime.spi.CorsBindings;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How CorsFeature gets into an application, and how it lives beside the application's own code. */
class WiringTest {

  private static final String APP = "https://app.example.com";

  @Test
  void preflightPassesAnAuthenticationFilterThatRefusesRequestsWithoutAuthorization()
      throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(SecuredResource.class)
        .register(RequireAuthorizationFilter.class)
        .register(CorsFeature.class))) {
      HttpResponse<String> preflight = server.send("OPTIONS", "/secured",
          "Origin", APP,
          "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", "authorization,content-type");
      assertEquals(204, preflight.statusCode());
      assertEquals(Optional.of(APP), header(preflight, "Access-Control-Allow-Origin"));

      HttpResponse<String> withoutAuth = server.send("PUT", "/secured", "Origin", APP);
      assertEquals(401, withoutAuth.statusCode());
      HttpResponse<String> actual = server.send("PUT", "/secured",
          "Origin", APP, "Authorization", "Bearer t");
      assertEquals(200, actual.statusCode());
      assertEquals(Optional.of(APP), header(actual, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("true"), header(actual, "Access-Control-Allow-Credentials"));

      HttpResponse<String> plainOptions = server.send("OPTIONS", "/secured");
      assertEquals(401, plainOptions.statusCode(),
          "a plain OPTIONS meets the application's filters, as without corsgen");
      assertEquals(List.of("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"),
          plainOptions.headers().allValues("Vary"),
          "a preflight to the URL gets another answer: a cache must not serve this one to it");
      // Whichever OPTIONS method Jersey chose at the path (with WADL on, by Accept).
      HttpResponse<String> asJson = server.send("OPTIONS", "/secured",
          "Accept", "application/json");
      assertEquals(401, asJson.statusCode());
      assertEquals(List.of("Origin, Access-Control-Request-Method, Access-Control-Request-Headers"),
          asJson.headers().allValues("Vary"));
    }
  }

  @Test
  void unmappedExceptionOfACorsMethodGets500WithCorsHeaders() throws Exception {
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(new ResourceConfig(SecuredResource.class,
        ItemsResource.class, TeapotException.Mapper.class).register(CorsFeature.class))) {
      HttpResponse<String> response = server.send("GET", "/secured/boom", "Origin", APP);
      assertEquals(500, response.statusCode());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("Origin"), header(response, "Vary"));
      // At Jersey's level for the same exception from a resource without CORS.
      List<LogRecord> logged = log.records().stream()
          .filter(record -> record.getThrown() != null)
          .toList();
      assertEquals(1, logged.size(), () -> String.valueOf(logged));
      assertEquals(Level.WARNING, logged.get(0).getLevel());
      assertTrue(logged.get(0).getMessage().contains("while serving"), logged.get(0)::getMessage);

      HttpResponse<String> mapped = server.send("GET", "/items/mapped", "Origin", APP);
      assertEquals(418, mapped.statusCode(), "the application's own mapper still decides");
      HttpResponse<String> wae = server.send("GET", "/items/conflict", "Origin", APP);
      assertEquals(409, wae.statusCode());
    }
  }

  @Test
  void exceptionsWrappedByAFutureAreMappedByTheirCauseAsJerseyDoes()
      throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(AsyncResource.class,
        TeapotException.Mapper.class).register(CorsFeature.class))) {
      HttpResponse<String> wae = server.send("GET", "/async/missing", "Origin", APP);
      assertEquals(404, wae.statusCode(), "Jersey unwraps the CompletionException");
      assertEquals(Optional.of(APP), header(wae, "Access-Control-Allow-Origin"));
      HttpResponse<String> mapped = server.send("GET", "/async/teapot", "Origin", APP);
      assertEquals(418, mapped.statusCode(), "the application's own mapper still decides");
      assertEquals(Optional.of(APP), header(mapped, "Access-Control-Allow-Origin"));
      HttpResponse<String> awaited = server.send("GET", "/async/awaited", "Origin", APP);
      assertEquals(418, awaited.statusCode(), "Jersey unwraps an ExecutionException too");
      HttpResponse<String> unmapped = server.send("GET", "/async/boom", "Origin", APP);
      assertEquals(500, unmapped.statusCode());
      assertEquals(Optional.of(APP), header(unmapped, "Access-Control-Allow-Origin"));
    }
  }

  @Test
  void unmappedExceptionWithoutCorsReachesTheContainerAsBefore() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(FailingPlainResource.class)
        .register(CorsFeature.class))) {
      HttpResponse<String> response = server.send("GET", "/failing", "Origin", APP);
      assertEquals(500, response.statusCode());
      assertNoCorsGrant(response);
    }
  }

  /** What a build that never ran the processor looks like at start-up. */
  @Test
  void applicationWithoutAnyPolicySaysThatTheProcessorMayNotHaveRun() throws Exception {
    assertEquals(List.of(Level.WARNING), noPolicyMessages(WithoutIndex.load(
        FailingPlainResource.class)));
    // A locator that hides what it returns does not hide a build without the processor.
    assertEquals(List.of(Level.WARNING), noPolicyMessages(WithoutIndex.load(
        OpaqueLocatorResource.class)));
    // With an index beside it, what it returns is left to the first request, without a word.
    assertEquals(List.of(), noPolicyMessages(OpaqueLocatorResource.class));
    // The last: policies, but each at a path with an @OPTIONS method of its own, so no endpoint.
    assertEquals(List.of(), noPolicyMessages(ItemsResource.class));
    assertEquals(List.of(), noPolicyMessages(ExtendedCorsResource.class,
        OwnOptionsResource.class));
  }

  /**
   * A build that skipped the processor (JDK 23+ without -proc:full, say), on a class path where a
   * library was built with corsgen: its index is not beside the application's classes.
   */
  @Test
  void aLibrarysIndexDoesNotHideThatTheApplicationsBuildSkippedTheProcessor(
      @TempDir java.nio.file.Path work) throws Exception {
    java.nio.file.Path source =
        Files.createDirectories(work.resolve("src/shop")).resolve("Orders.java");
    Files.writeString(source, String.join("\n",
        "package shop;",
        "@jakarta.ws.rs.Path(\"/orders\")",
        "@org.corsgen.Cors(origins = \"https://app.example.com\")",
        "public class Orders {",
        "  @jakarta.ws.rs.GET public String get() { return \"\"; }",
        "}"));
    java.nio.file.Path classes = Files.createDirectories(work.resolve("classes"));
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none",
        "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        source.toString()));
    // The parent, this module's test class path, has the index of the classes compiled here.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        WiringTest.class.getClassLoader())) {
      assertEquals(List.of(Level.WARNING), noPolicyMessages(loader.loadClass("shop.Orders")));
    }
  }

  /**
   * An application without CORS beside one with it, in one deployment: auto-discovery gives both
   * CorsFeature, and the processor did run.
   */
  @Test
  void applicationWithoutAnyPolicyWhereTheProcessorRanIsOnlyNoted() throws Exception {
    assertEquals(List.of(Level.INFO), noPolicyMessages(FailingPlainResource.class));
  }

  /** One deployment may serve several applications: the start-up line says whose paths. */
  @Test
  void startUpLineNamesTheApplication() throws Exception {
    assertEquals(" of " + ItemsApplication.class.getName(), startUpLineOf(new ItemsApplication())
        .replaceFirst("^corsgen: \\d+ CORS policies on \\d+ paths", "").lines().findFirst()
        .orElseThrow());
    assertTrue(startUpLineOf(ResourceConfig.forApplication(new PlainApplication()))
        .contains(" paths of " + PlainApplication.class.getName() + "\n"));
    ResourceConfig named = new ResourceConfig(ItemsResource.class);
    named.setApplicationName("items-api");
    String line = startUpLineOf(named);
    assertTrue(line.contains(" paths of items-api\n"), line);
    String anonymous = startUpLineOf(new ResourceConfig(ItemsResource.class));
    assertTrue(anonymous.matches("(?s)corsgen: \\d+ CORS policies on \\d+ paths\n.*"),
        "Jersey's own class names nothing: " + anonymous);
  }

  /**
   * Jersey matches a template with a trailing slash with or without it; the start-up listing
   * names the path as the processor's policy report does, without.
   */
  @Test
  void startUpListingNamesAPathWithoutItsTrailingSlash() throws Exception {
    String listing = startUpLineOf(new ResourceConfig(SlashedResource.class));
    assertTrue(listing.contains("\n  /slashed/deep: "), listing);
    assertFalse(listing.contains("/slashed/deep/"), listing);
    assertFalse(listing.contains("/slashed/:"), listing);
  }

  @Path("/slashed/")
  @Cors(origins = NestedResource.ORIGIN)
  public static class SlashedResource {
    @GET
    @Path("/deep/")
    public String get() {
      return "deep";
    }
  }

  /**
   * Jersey serves {@code //twice} with {@code //deeper} at {@code //twice//deeper} and nowhere
   * else ({@code /twice/deeper} is 404): the start-up listing and the policy report both name
   * that path, as Jersey matches it.
   */
  @Test
  void aDoubledLeadingSlashIsNamedAsJerseyServesIt() throws Exception {
    String listing = startUpLineOf(new ResourceConfig(DoubledResource.class));
    assertTrue(listing.contains("\n  //twice//deeper: "), listing);
    String report;
    try (InputStream in = WiringTest.class.getClassLoader()
        .getResourceAsStream("META-INF/corsgen/cors-policies.md")) {
      report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(report.contains("\n| `//twice//deeper` | GET |"), report);
    assertFalse(report.contains("| `/twice/deeper` |"), report);
  }

  @Path("//twice")
  @Cors(origins = NestedResource.ORIGIN)
  public static class DoubledResource {
    @GET
    @Path("//deeper")
    public String get() {
      return "deeper";
    }
  }

  /**
   * Jersey makes one trailing slash optional and keeps the rest: {@code dbl//} is served at
   * {@code /dbl/} and {@code /dbl//}, {@code //} with {@code x} at {@code //x}, {@code f//} with
   * {@code //g} at {@code /f///g} (checked on Jersey 4.0.2). The listing and the report say so, and
   * a preflight there is answered.
   */
  @Test
  void pathsEndingInDoubledSlashesAreNamedAsJerseyServesThem() throws Exception {
    Class<?>[] resources = {TrailingDoubledResource.class, SlashesOnlyResource.class,
        BothDoubledResource.class};
    String listing = startUpLineOf(new ResourceConfig(resources));
    for (String path : List.of("/dbl/", "//x", "/f///g")) {
      assertTrue(listing.contains("\n  " + path + ": "), listing);
    }
    String report;
    try (InputStream in = WiringTest.class.getClassLoader()
        .getResourceAsStream("META-INF/corsgen/cors-policies.md")) {
      report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String path : List.of("/dbl/", "//x", "/f///g")) {
      assertTrue(report.contains("\n| `" + path + "` | GET |"), report);
    }
    try (JerseyServer server = new JerseyServer(new ResourceConfig(resources)
        .register(CorsFeature.class))) {
      for (String path : List.of("/dbl/", "/dbl//", "//x", "/f///g")) {
        HttpResponse<String> answer = server.send("OPTIONS", path,
            "Origin", NestedResource.ORIGIN, "Access-Control-Request-Method", "GET");
        assertEquals(204, answer.statusCode(), path);
        assertEquals(Optional.of(NestedResource.ORIGIN),
            answer.headers().firstValue("Access-Control-Allow-Origin"), path);
      }
    }
  }

  /** Jersey routes {@code /} to the root's own method and {@code //} to the one at {@code //}. */
  @Test
  void theRootAndASlashBelowItAnswerTheirOwnPreflights() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(RootAndSlashesResource.class)
        .register(CorsFeature.class))) {
      for (String[] pathAndOrigin : new String[][] {{"/", NestedResource.ORIGIN},
          {"//", RootAndSlashesResource.ADMIN}}) {
        HttpResponse<String> answer = server.send("OPTIONS", pathAndOrigin[0],
            "Origin", pathAndOrigin[1], "Access-Control-Request-Method", "GET");
        assertEquals(204, answer.statusCode(), pathAndOrigin[0]);
        assertEquals(Optional.of(pathAndOrigin[1]),
            answer.headers().firstValue("Access-Control-Allow-Origin"), pathAndOrigin[0]);
      }
      HttpResponse<String> crossed = server.send("OPTIONS", "//",
          "Origin", NestedResource.ORIGIN, "Access-Control-Request-Method", "GET");
      assertEquals(Optional.empty(), crossed.headers().firstValue("Access-Control-Allow-Origin"));
    }
  }

  @Path("/")
  public static class RootAndSlashesResource {
    static final String ADMIN = "https://admin.nested.example.com";

    @GET
    @Cors(origins = NestedResource.ORIGIN)
    public String root() {
      return "root";
    }

    @GET
    @Path("//")
    @Cors(origins = ADMIN)
    public String slashes() {
      return "slashes";
    }
  }

  @Path("dbl//")
  @Cors(origins = NestedResource.ORIGIN)
  public static class TrailingDoubledResource {
    @GET
    public String get() {
      return "dbl";
    }
  }

  @Path("//")
  @Cors(origins = NestedResource.ORIGIN)
  public static class SlashesOnlyResource {
    @GET
    @Path("x")
    public String get() {
      return "x";
    }
  }

  @Path("f//")
  @Cors(origins = NestedResource.ORIGIN)
  public static class BothDoubledResource {
    @GET
    @Path("//g")
    public String get() {
      return "g";
    }
  }

  /** An application class of its own, as deployments declare them. */
  public static final class ItemsApplication extends ResourceConfig {
    public ItemsApplication() {
      super(ItemsResource.class);
    }
  }

  /** A Jakarta REST application without Jersey's API, which Jersey wraps. */
  public static final class PlainApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(ItemsResource.class);
    }
  }

  private static String startUpLineOf(ResourceConfig application) throws Exception {
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(application.register(CorsFeature.class))) {
      return log.records().stream()
          .filter(record -> record.getMessage().contains("CORS policies on"))
          .map(record -> new SimpleFormatter().formatMessage(record))
          .findFirst()
          .orElseThrow();
    }
  }

  private static List<Level> noPolicyMessages(Class<?>... resources) throws Exception {
    LogCapture log = new LogCapture("org.corsgen", null);
    try (log; JerseyServer server = new JerseyServer(new ResourceConfig(resources)
        .register(CorsFeature.class))) {
      return log.records().stream()
          .filter(record -> record.getMessage().contains("no resource of this application"))
          .map(LogRecord::getLevel)
          .toList();
    }
  }

  /** Loads a class of its own, where corsgen's index cannot be seen: a build without corsgen. */
  private static final class WithoutIndex extends ClassLoader {
    private final String name;

    private WithoutIndex(String name) {
      super(WiringTest.class.getClassLoader());
      this.name = name;
    }

    static Class<?> load(Class<?> type) throws ClassNotFoundException {
      return new WithoutIndex(type.getName()).loadClass(type.getName());
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve)
        throws ClassNotFoundException {
      if (!className.equals(name)) {
        return super.loadClass(className, resolve);
      }
      synchronized (getClassLoadingLock(className)) {
        Class<?> loaded = findLoadedClass(className);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(
            className.replace('.', '/') + ".class")) {
          byte[] bytes = in.readAllBytes();
          return defineClass(className, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(className, e);
        }
      }
    }

    @Override
    public URL getResource(String resource) {
      return isIndex(resource) ? null : super.getResource(resource);
    }

    @Override
    public Enumeration<URL> getResources(String resource) throws IOException {
      return isIndex(resource) ? Collections.emptyEnumeration() : super.getResources(resource);
    }

    private static boolean isIndex(String resource) {
      return resource.equals(CorsBindings.INDEX)
          || resource.startsWith(CorsBindings.PACKAGE_INDEX);
    }
  }

  @Test
  void autoDiscoveryWiresCorsWithoutARegisterLine() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(ItemsResource.class))) {
      HttpResponse<String> response = server.send("OPTIONS", "/items",
          "Origin", APP, "Access-Control-Request-Method", "GET");
      assertEquals(204, response.statusCode());
    }
  }

  @Test
  void registeringTheFeatureTwiceAndAutoDiscoveryDoubleNothing() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(ItemsResource.class)
        .register(CorsFeature.class)
        .register(new CorsFeature()))) {
      HttpResponse<String> response = server.send("GET", "/items", "Origin", APP);
      assertEquals(200, response.statusCode());
      assertEquals(1, response.headers().allValues("Access-Control-Allow-Origin").size());
      assertEquals(Optional.of("Accept-Encoding, Origin"), header(response, "Vary"));
      HttpResponse<String> preflight = server.send("OPTIONS", "/items",
          "Origin", APP, "Access-Control-Request-Method", "GET");
      assertEquals(204, preflight.statusCode());
    }
  }

  @Test
  void featureIsOffWhenAutoDiscoveryIsDisabledAndNothingIsRegistered() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(ItemsResource.class)
        .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true))) {
      HttpResponse<String> response = server.send("GET", "/items", "Origin", APP);
      assertNoCorsGrant(response);
    }
  }

  @Test
  void packageScanningFindsResourcesAndOnlyServedOnesGetEndpoints() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig()
        .packages("org.corsgen.it.scanned")
        .register(CorsFeature.class))) {
      HttpResponse<String> preflight = server.send("OPTIONS", "/scanned",
          "Origin", APP, "Access-Control-Request-Method", "GET");
      assertEquals(204, preflight.statusCode());
      HttpResponse<String> notServed = server.send("OPTIONS", "/items",
          "Origin", APP, "Access-Control-Request-Method", "GET");
      assertEquals(404, notServed.statusCode());
    }
  }

  @Test
  void resourceRegisteredAsAnInstanceOfAnAnonymousSubclassKeepsItsPolicy() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig()
        .registerInstances(new ScannedResourceSubclass() {})
        .register(CorsFeature.class))) {
      HttpResponse<String> response = server.send("GET", "/scanned", "Origin", APP);
      assertEquals(200, response.statusCode());
      assertEquals(Optional.of(APP), header(response, "Access-Control-Allow-Origin"));
    }
  }

  @Test
  void explicitHeadMethodWithoutPolicyDoesNotBorrowGetsPolicy() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(HeadResource.class)
        .register(CorsFeature.class))) {
      HttpResponse<String> get = server.send("OPTIONS", "/head",
          "Origin", APP, "Access-Control-Request-Method", "GET");
      assertEquals(Optional.of("GET"), header(get, "Access-Control-Allow-Methods"));
      HttpResponse<String> head = server.send("OPTIONS", "/head",
          "Origin", APP, "Access-Control-Request-Method", "HEAD");
      assertEquals(403, head.statusCode());
      assertNoCorsGrant(server.send("HEAD", "/head", "Origin", APP));
      HttpResponse<String> notAcceptable = server.send("HEAD", "/head",
          "Origin", APP, "Accept", "text/csv");
      assertEquals(406, notAcceptable.statusCode());
      assertNoCorsGrant(notAcceptable);
    }
  }

  /**
   * A nested resource class is known to its package's generated class by its binary name, with
   * a {@code $}; the other resources of the package, served beside it, keep their own policies.
   */
  @Test
  void nestedResourceClassGetsItsOwnPolicyBesideItsPackagesOthers() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(NestedResource.class,
        SecuredResource.class).register(CorsFeature.class))) {
      HttpResponse<String> preflight = server.send("OPTIONS", "/nested",
          "Origin", NestedResource.ORIGIN, "Access-Control-Request-Method", "PUT");
      assertEquals(204, preflight.statusCode());
      assertEquals(Optional.of(NestedResource.ORIGIN),
          header(preflight, "Access-Control-Allow-Origin"));
      HttpResponse<String> get = server.send("GET", "/nested", "Origin", NestedResource.ORIGIN);
      assertEquals(Optional.of(NestedResource.ORIGIN), header(get, "Access-Control-Allow-Origin"));
      assertNoCorsGrant(server.send("GET", "/nested", "Origin", APP));

      HttpResponse<String> secured = server.send("PUT", "/secured",
          "Origin", APP, "Authorization", "Bearer t");
      assertEquals(Optional.of(APP), header(secured, "Access-Control-Allow-Origin"));
      assertNoCorsGrant(server.send("PUT", "/secured",
          "Origin", NestedResource.ORIGIN, "Authorization", "Bearer t"));
    }
  }

  /** A proxy-like subclass, as CDI or Spring hand to Jersey. */
  static class ScannedResourceSubclass extends org.corsgen.it.scanned.ScannedResource {}

  @Path("/nested")
  @Cors(origins = NestedResource.ORIGIN)
  public static class NestedResource {
    static final String ORIGIN = "https://nested.example.com";

    @GET
    public String get() {
      return "nested";
    }

    @PUT
    public String put(String body) {
      return body;
    }
  }

  /**
   * Jersey binds a locator's sub-resource while serving the request, so a policy that cannot be
   * resolved there must not turn into a 500 on every request: served without CORS instead.
   */
  @Test
  void locatedResourceWhosePolicyCannotResolveIsServedWithoutCorsNotA500() throws Exception {
    try (JerseyServer server = new JerseyServer(new ResourceConfig(OpaqueLocatorResource.class)
        .register(CorsFeature.class))) {
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> response = server.send("GET", "/opaque/child", "Origin", APP);
        assertEquals(200, response.statusCode());
        assertEquals("located", response.body());
        assertNoCorsGrant(response);
      }
    }
  }

  /** Its exceptions then go where they would without corsgen, not replaced by corsgen's error. */
  @Test
  void exceptionOfALocatedResourceWhosePolicyCannotResolveIsTheApplications() throws Exception {
    LogCapture jersey = new LogCapture("org.glassfish", null);
    try (jersey; JerseyServer server = new JerseyServer(
        new ResourceConfig(OpaqueLocatorResource.class).register(CorsFeature.class))) {
      HttpResponse<String> response = server.send("GET", "/opaque/child/boom", "Origin", APP);
      assertEquals(500, response.statusCode());
      assertNoCorsGrant(response);
      // The container may log the exception after the 500 has reached the client.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (jersey.records().stream().noneMatch(record -> record.getThrown() != null)
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    List<String> thrown = jersey.records().stream()
        .filter(record -> record.getThrown() != null)
        .map(record -> String.valueOf(rootCause(record.getThrown()).getMessage()))
        .toList();
    assertTrue(thrown.contains("boom in located"), thrown::toString);
    assertTrue(thrown.stream().noneMatch(message -> message.contains("corsgen.it.located-origins")),
        thrown::toString);
  }
}
