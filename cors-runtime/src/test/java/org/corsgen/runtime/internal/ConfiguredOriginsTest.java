package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.corsgen.runtime.internal.ConfiguredOrigins.Value;
import org.corsgen.runtime.spi.CorsPolicy;
import org.junit.jupiter.api.Test;

/** Origins from configuration: resolved once at start-up, checked like literal origins. */
class ConfiguredOriginsTest {

  private static Function<String, Optional<Value>> config(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key))
        .map(value -> new Value(value, "system property " + key));
  }

  private static CorsPolicy.Builder policy() {
    return CorsPolicy.builder("@Cors on com.example.ItemsResource");
  }

  @Test
  void configuredOriginsAreAllowedBesideLiteralOnes() {
    CorsPolicy policy = ConfiguredOrigins.resolve(policy()
        .allowOriginsMatching("https://literal.example", "https://literal.example"::equals)
        .allowConfiguredOrigins("cors.origins")
        .build(),
        config(Map.of("cors.origins", "https://a.example, https://*.b.example")));
    assertTrue(policy.allowsOrigin("https://literal.example"));
    assertTrue(policy.allowsOrigin("https://a.example"));
    assertTrue(policy.allowsOrigin("https://x.b.example"));
    assertFalse(policy.allowsOrigin("https://b.example"));
    assertFalse(policy.allowsOrigin("https://evil.example"));
    assertEquals("https://literal.example, cors.origins=https://a.example, https://*.b.example"
        + " (system property cors.origins)", policy.originList());
  }

  @Test
  void configuredPortWildcardsAllowTheirHostOnEveryPort() {
    CorsPolicy policy = ConfiguredOrigins.resolve(policy()
        .allowCredentials()
        .allowHostOnAnyPort("http://", "127.0.0.1")
        .allowConfiguredOrigins("cors.origins")
        .build(),
        config(Map.of("cors.origins", "http://localhost:*, https://*.b.example:*")));
    assertTrue(policy.allowsOrigin("http://127.0.0.1:41234"));
    assertTrue(policy.allowsOrigin("http://localhost"));
    assertTrue(policy.allowsOrigin("http://localhost:5173"));
    assertTrue(policy.allowsOrigin("https://x.b.example:8443"));
    assertFalse(policy.allowsOrigin("http://localhost.evil.example:5173"));
    assertFalse(policy.allowsOrigin("https://b.example:8443"));
    IllegalStateException cleartext = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowCredentials()
            .allowConfiguredOrigins("cors.origins").build(),
            config(Map.of("cors.origins", "http://dev.example:*"))));
    assertTrue(cleartext.getMessage().contains("\"http://dev.example:*\" in it is plain http"),
        cleartext.getMessage());
    IllegalStateException partial = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("cors.origins").build(),
            config(Map.of("cors.origins", "http://localhost:30*"))));
    assertTrue(partial.getMessage().contains("a port wildcard is \":*\" alone"),
        partial.getMessage());
  }

  @Test
  void unresolvedPlaceholdersGrantNothing() {
    CorsPolicy policy = policy().allowConfiguredOrigins("cors.origins").build();
    assertEquals(1, policy.placeholders().size());
    assertFalse(policy.allowsOrigin("https://a.example"));
  }

  @Test
  void defaultIsUsedWhenNothingIsSet() {
    CorsPolicy policy = ConfiguredOrigins.resolve(policy()
        .allowConfiguredOrigins("cors.origins", "http://localhost:3000")
        .build(),
        config(Map.of()));
    assertTrue(policy.allowsOrigin("http://localhost:3000"));
  }

  @Test
  void starAloneWithoutCredentialsOpensToAnyOrigin() {
    CorsPolicy policy = ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("cors.origins").build(),
        config(Map.of("cors.origins", "*")));
    assertEquals("*", policy.allowOriginValue("https://anyone.example"));
    assertTrue(policy.allowsOrigin("https://anyone.example"));
    // The most open answer of all must not be the one whose source the start-up log leaves out.
    assertEquals("cors.origins=* (system property cors.origins)", policy.originList());
  }

  @Test
  void starBesideOtherOriginsAndStarWithCredentialsAreToldApart() {
    IllegalStateException mixed = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k").build(),
            config(Map.of("k", "*, https://a.example"))));
    assertTrue(mixed.getMessage().endsWith("\"*\" stands beside other origins, which then mean"
        + " nothing. Set either \"*\" alone or only the origins."), mixed.getMessage());
    IllegalStateException credentialed = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k").allowCredentials()
            .build(), config(Map.of("k", "*"))));
    assertTrue(credentialed.getMessage().endsWith("\"*\" cannot allow credentials: browsers"
        + " reject \"Access-Control-Allow-Origin: *\" on credentialed requests. List the origins"
        + " instead."), credentialed.getMessage());
  }

  /** A fix is suggested only when start-up would accept it. */
  @Test
  void fixesThatStartUpWouldRefuseAreNotSuggested() {
    for (String value : new String[] {"https://*.\u0440\u0444", "https://*.com.", "https://*."}) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k").build(),
              config(Map.of("k", value))));
      assertFalse(e.getMessage().contains("write \""), e.getMessage());
    }
    IllegalStateException typo = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k").build(),
            config(Map.of("k", "https:/app.example.com"))));
    assertTrue(typo.getMessage().endsWith("\"https:/app.example.com\" in it is not a serialized"
        + " origin (\"://\" does not follow its scheme); write \"https://app.example.com\"."),
        typo.getMessage());
    IllegalStateException plainHttp = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k").allowCredentials()
            .build(), config(Map.of("k", "ws://api.example.com"))));
    assertFalse(plainHttp.getMessage().contains("write \""), "credentials refuse http://api…: "
        + plainHttp.getMessage());
    IllegalStateException starThenComma = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k").build(),
            config(Map.of("k", "*,"))));
    assertTrue(starThenComma.getMessage().endsWith("\"\" in it is empty: remove the comma that"
        + " leaves it."), starThenComma.getMessage());
    IllegalStateException blank = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k").build(),
            config(Map.of("k", "https://a.example,"))));
    assertTrue(blank.getMessage().endsWith("\"\" in it is empty: remove the comma that leaves"
        + " it."), blank.getMessage());
  }

  /**
   * Other libraries' spellings of any origin are told to be "*" where "*" would start: alone and
   * without credentials, as the processor tells a literal or a default.
   */
  @Test
  void anyOriginSpelledAsOtherLibrariesDoIsToldToBeStarWhereStarWouldStart() {
    for (String value : new String[] {"*:*", "*://*", " *://*:* "}) {
      IllegalStateException alone = assertThrows(IllegalStateException.class,
          () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k").build(),
              config(Map.of("k", value))));
      assertTrue(alone.getMessage().endsWith("is not a serialized origin (it means any origin,"
          + " which is \"*\" alone); write \"*\"."), alone.getMessage());
    }
    for (CorsPolicy.Builder starWouldNotStart : new CorsPolicy.Builder[] {
        policy().allowConfiguredOrigins("k").allowCredentials(),
        policy().allowConfiguredOrigins("k").allowOrigins("https://a.example"),
        policy().allowConfiguredOrigins("k").allowConfiguredOrigins("other")}) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ConfiguredOrigins.resolve(starWouldNotStart.build(),
              config(Map.of("k", "*:*", "other", "https://b.example"))));
      assertTrue(e.getMessage().endsWith("(it means any origin, which is \"*\" alone)."),
          e.getMessage());
    }
    IllegalStateException beside = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k").build(),
            config(Map.of("k", "*:*, https://a.example"))));
    assertFalse(beside.getMessage().contains("write \""), beside.getMessage());
  }

  @Test
  void missingValueStopsStartUpNamingTheKeyAndWhereToSetIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("cors.app-origins").build(),
        config(Map.of())));
    assertEquals("@Cors on com.example.ItemsResource: origins placeholder ${cors.app-origins} has"
        + " no value. Set the JAX-RS property or the system property cors.app-origins, or the"
        + " environment variable CORS_APP_ORIGINS, to a comma-separated list of origins such as"
        + " https://app.example.com, or give a default: ${cors.app-origins:https://app.example.com}.",
        e.getMessage());
  }

  @Test
  void badValueStopsStartUpNamingValueSourceAndRule() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("cors.origins").build(),
        config(Map.of("cors.origins", "https://ok.example,https://App.example/"))));
    assertEquals("@Cors on com.example.ItemsResource: origins placeholder ${cors.origins} is"
        + " \"https://ok.example,https://App.example/\" (from system property cors.origins), and"
        + " \"https://App.example/\" in it is not a serialized origin (it ends with a slash);"
        + " write \"https://app.example\".", e.getMessage());
  }

  @Test
  void originOnABadPortStopsStartUp() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("cors.origins").build(),
        config(Map.of("cors.origins", "http://localhost:6000"))));
    assertEquals("@Cors on com.example.ItemsResource: origins placeholder ${cors.origins} is"
        + " \"http://localhost:6000\" (from system property cors.origins), and"
        + " \"http://localhost:6000\" in it is never a page's origin (port 6000 is one of Fetch's"
        + " bad ports, from which browsers load nothing).", e.getMessage());
  }

  /** What a deployment file that sets the variable to nothing produces. */
  @Test
  void anEmptyValueSaysThatItIsSetAndWhatThatMeans() {
    IllegalStateException withDefault = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy()
            .allowConfiguredOrigins("cors.origins", "http://localhost:3000").build(),
        config(Map.of("cors.origins", " "))));
    assertEquals("@Cors on com.example.ItemsResource: origins placeholder"
        + " ${cors.origins:http://localhost:3000} is \" \" (from system property cors.origins),"
        + " and an empty value is set all the same, so the default does not apply. Set it to a"
        + " comma-separated list of origins such as https://app.example.com, or remove it to use"
        + " the default.", withDefault.getMessage());
    IllegalStateException withoutDefault = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("cors.origins").build(),
        config(Map.of("cors.origins", ""))));
    assertTrue(withoutDefault.getMessage().endsWith("is \"\" (from system property cors.origins),"
        + " and it lists no origin, so no page could use this resource. Set it to a"
        + " comma-separated list of origins such as https://app.example.com."),
        withoutDefault.getMessage());
  }

  @Test
  void originsSeparatedBySpacesAreToldToUseCommas() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("cors.origins").build(),
        config(Map.of("cors.origins", "https://a.example https://b.example"))));
    assertTrue(e.getMessage().endsWith("and \"https://a.example https://b.example\" in it holds"
        + " several origins in one entry; separate them with commas."),
        e.getMessage());
  }

  @Test
  void emptyEntriesNullAndStarWithCredentialsAreRefused() {
    for (String value : new String[] {"", "https://a.example,,https://b.example", "null",
        "file:///tmp/x", "*.example.com", "wss://app.example.com", "https://*.", "*.",
        "https://*.example.com."}) {
      assertThrows(IllegalStateException.class, () -> ConfiguredOrigins.resolve(policy()
          .allowConfiguredOrigins("k").build(),
        config(Map.of("k", value))), value);
    }
    assertThrows(IllegalStateException.class, () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k")
        .allowCredentials().build(),
        config(Map.of("k", "*"))));
    assertThrows(IllegalStateException.class, () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("k")
        .build(),
        config(Map.of("k", "*, https://a.example"))));
  }

  @Test
  void patternOverATopLevelDomainIsRefusedButLocalhostIsNot() {
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> ConfiguredOrigins.resolve(policy().allowConfiguredOrigins("cors.origins").build(),
            config(Map.of("cors.origins", "https://app.example.com, https://*.com"))));
    assertEquals("@Cors on com.example.ItemsResource: origins placeholder ${cors.origins} is"
        + " \"https://app.example.com, https://*.com\" (from system property cors.origins), and"
        + " \"https://*.com\" in it allows every site under the top-level name \"com\", where"
        + " anyone can register one. Name your own domain, as in \"https://*.example.com\".",
        refused.getMessage());
    CorsPolicy local = ConfiguredOrigins.resolve(
        policy().allowConfiguredOrigins("cors.origins").build(),
        config(Map.of("cors.origins", "http://*.localhost:8081, https://*.internal")));
    assertTrue(local.allowsOrigin("http://app.localhost:8081"));
    assertTrue(local.allowsOrigin("https://app.internal"));
  }

  private static Function<String, Optional<Value>> check(String key, Predicate<String> check) {
    return asked -> asked.equals(key)
        ? Optional.of(new Value("TenantOrigins", "JAX-RS property " + key, check))
        : Optional.empty();
  }

  /**
   * A predicate decides per request, so tenants added while the application runs are allowed at
   * once; it is asked only about what a browser sends as a page's origin, and only when the
   * origins written in {@code @Cors} do not already allow it.
   */
  @Test
  void aCheckDecidesAtEachRequestAndIsAskedOnlyAboutSerializedOrigins() {
    Set<String> tenants = ConcurrentHashMap.newKeySet();
    List<String> asked = new CopyOnWriteArrayList<>();
    CorsPolicy policy = ConfiguredOrigins.resolve(policy()
        .allowOriginsMatching("https://app.example.com", "https://app.example.com"::equals)
        .allowConfiguredOrigins("cors.tenants")
        .build(),
        check("cors.tenants", origin -> {
          asked.add(origin);
          return tenants.contains(origin);
        }));
    assertTrue(policy.allowsOrigin("https://app.example.com"));
    assertFalse(policy.allowsOrigin("https://shop.tenant.example"));
    tenants.add("https://shop.tenant.example");
    assertTrue(policy.allowsOrigin("https://shop.tenant.example"));
    tenants.addAll(List.of("null", "https://SHOP.tenant.example", "https://shop.tenant.example/",
        "https://shop.tenant.example:443", "https://*.tenant.example", "*"));
    for (String notAnOrigin : new String[] {"null", "https://SHOP.tenant.example",
        "https://shop.tenant.example/", "https://shop.tenant.example:443",
        "https://*.tenant.example", "*", "", " https://shop.tenant.example",
        "https://" + "a".repeat(RequestTimeOrigins.MAX_ORIGIN_LENGTH) + ".example"}) {
      assertFalse(policy.allowsOrigin(notAnOrigin), notAnOrigin);
    }
    assertEquals(List.of("https://shop.tenant.example", "https://shop.tenant.example"), asked);
    assertEquals("https://app.example.com, cors.tenants=TenantOrigins (JAX-RS property"
        + " cors.tenants, asked at each request)", policy.originList());
  }

  /** What the check throws refuses the origin, and is logged at most once a minute. */
  @Test
  void aFailingCheckRefusesTheOriginAndIsReportedOnceAMinute() {
    CorsPolicy policy = ConfiguredOrigins.resolve(
        policy().allowConfiguredOrigins("cors.tenants").build(),
        check("cors.tenants", origin -> {
          throw new IllegalStateException("tenant database unavailable");
        }));
    List<LogRecord> records = logged(() -> {
      for (int i = 0; i < 3; i++) {
        assertFalse(policy.allowsOrigin("https://shop.tenant.example"));
      }
    });
    assertEquals(1, records.size(), records.toString());
    LogRecord record = records.get(0);
    assertEquals(java.util.logging.Level.WARNING, record.getLevel());
    assertEquals("corsgen: @Cors on com.example.ItemsResource, origins placeholder"
        + " ${cors.tenants}: the application's check failed for \"https://shop.tenant.example\","
        + " which is therefore refused; later failures are reported at most once a minute, with"
        + " their number", record.getMessage());
    assertEquals("tenant database unavailable", record.getThrown().getMessage());
    for (Throwable thrown : new Throwable[] {new AssertionError("checked with -ea"),
        new StackOverflowError(), new NoClassDefFoundError("com/example/TenantStore")}) {
      CorsPolicy failing = ConfiguredOrigins.resolve(
          policy().allowConfiguredOrigins("cors.tenants").build(),
          check("cors.tenants", origin -> {
            throw sneaky(thrown);
          }));
      assertEquals(1, logged(() -> assertFalse(failing.allowsOrigin("https://a.example")))
          .size(), thrown::toString);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable thrown) throws T {
    throw (T) thrown;
  }

  /** The rule start-up applies to configured origins holds for the check's answers too. */
  @Test
  void underCredentialsACheckCannotAllowPlainHttpFromAnotherMachine() {
    CorsPolicy policy = ConfiguredOrigins.resolve(
        policy().allowCredentials().allowConfiguredOrigins("cors.tenants").build(),
        check("cors.tenants", origin -> true));
    List<LogRecord> records = logged(() -> {
      assertFalse(policy.allowsOrigin("http://shop.tenant.example"));
      assertFalse(policy.allowsOrigin("http://other.tenant.example"));
      assertTrue(policy.allowsOrigin("http://localhost:3000"));
      assertTrue(policy.allowsOrigin("https://shop.tenant.example"));
    });
    assertEquals(1, records.size(), records.toString());
    assertTrue(records.get(0).getMessage().contains("allowed \"http://shop.tenant.example\", plain"
        + " http on another machine, but the policy allows credentials"), records.toString());
    CorsPolicy withoutCredentials = ConfiguredOrigins.resolve(
        policy().allowConfiguredOrigins("cors.tenants").build(),
        check("cors.tenants", origin -> true));
    assertTrue(withoutCredentials.allowsOrigin("http://shop.tenant.example"));
  }

  /** What {@code action} logs on corsgen's logger, kept off the console. */
  private static List<LogRecord> logged(Runnable action) {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("org.corsgen");
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(true);
    }
    return records;
  }

  @Test
  void policiesWithoutPlaceholdersResolveToThemselves() {
    CorsPolicy policy = policy().allowAnyOrigin().build();
    assertSame(policy, ConfiguredOrigins.resolve(policy, config(Map.of())));
  }

  @Test
  void environmentNameUpperCasesAndReplacesDotsAndDashes() {
    assertEquals("CORS_APP_ORIGINS", ConfiguredOrigins.environmentName("cors.app-origins"));
  }
}
