package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.corsgen.runtime.internal.ConfiguredOrigins.Value;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

class ConfigurationLookupTest {

  private static final Map<String, String> SYSTEM = Map.of("cors.origins", "https://system");
  private static final Map<String, String> ENV = Map.of("CORS_ORIGINS", "https://env");

  @Test
  void jaxRsPropertyComesFirst() {
    ConfigurationLookup lookup = new ConfigurationLookup(
        new ResourceConfig().property("cors.origins", "https://jaxrs"), SYSTEM::get, ENV);
    assertEquals(Optional.of(new Value("https://jaxrs", "JAX-RS property cors.origins")),
        lookup.apply("cors.origins"));
  }

  /** Only a JAX-RS property can hold code: a predicate there decides at each request. */
  @Test
  void aPredicatePropertyIsTheCheckItself() {
    Predicate<String> tenants = "https://tenant.example"::equals;
    ConfigurationLookup lookup = new ConfigurationLookup(
        new ResourceConfig().property("cors.origins", tenants), SYSTEM::get, ENV);
    Value value = lookup.apply("cors.origins").orElseThrow();
    assertSame(tenants, value.check());
    assertEquals(String.valueOf(tenants), value.text());
    assertEquals("JAX-RS property cors.origins", value.from());
    assertNull(lookup.apply("other").map(Value::check).orElse(null));
    assertNull(new ConfigurationLookup(new ResourceConfig(), SYSTEM::get, ENV)
        .apply("cors.origins").orElseThrow().check());
  }

  @Test
  void systemPropertyComesBeforeTheEnvironment() {
    ConfigurationLookup lookup = new ConfigurationLookup(new ResourceConfig(), SYSTEM::get, ENV);
    assertEquals(Optional.of(new Value("https://system", "system property cors.origins")),
        lookup.apply("cors.origins"));
  }

  @Test
  void environmentVariableIsTheKeyUpperCased() {
    ConfigurationLookup lookup = new ConfigurationLookup(new ResourceConfig(), key -> null, ENV);
    assertEquals(Optional.of(new Value("https://env", "environment variable CORS_ORIGINS")),
        lookup.apply("cors.origins"));
    assertEquals(Optional.empty(), lookup.apply("other"));
  }

  /** A list from a configuration library is a list of origins, not its toString(). */
  @Test
  void jaxRsPropertyThatIsACollectionOrArrayIsItsItems() {
    ConfigurationLookup lookup = new ConfigurationLookup(new ResourceConfig()
        .property("as.list", List.of("https://a.example.com", "https://b.example.com"))
        .property("as.array", new String[] {"https://a.example.com", "https://b.example.com"}),
        key -> null, Map.of());
    String both = "https://a.example.com, https://b.example.com";
    assertEquals(both, lookup.apply("as.list").orElseThrow().text());
    assertEquals(both, lookup.apply("as.array").orElseThrow().text());
  }
}
