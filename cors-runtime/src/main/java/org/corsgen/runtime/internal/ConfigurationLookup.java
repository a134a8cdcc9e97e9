package org.corsgen.runtime.internal;

import jakarta.ws.rs.core.Configuration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corsgen.runtime.internal.ConfiguredOrigins.Value;

/**
 * Finds the value of an {@code origins} placeholder: the application's JAX-RS configuration
 * property first, then the Java system property, then the environment variable (the key upper
 * cased, dots and dashes as underscores). The first one set wins, even when it is empty, so that
 * an empty value is reported rather than silently replaced. A property may also be a
 * {@code Predicate<String>}, asked at each request ({@link RequestTimeOrigins}).
 */
final class ConfigurationLookup implements Function<String, Optional<Value>> {

  /** A copy, taken when the application starts, after every feature has set its own. */
  private final Map<String, Object> properties;
  private final Function<String, String> systemProperties;
  private final Map<String, String> environment;

  ConfigurationLookup(Configuration configuration) {
    this(configuration, System::getProperty, System.getenv());
  }

  ConfigurationLookup(Configuration configuration, Function<String, String> systemProperties,
      Map<String, String> environment) {
    this.properties = new HashMap<>(configuration.getProperties());
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  @Override
  public Optional<Value> apply(String key) {
    Object property = properties.get(key);
    if (property instanceof Predicate<?> check) {
      // Only a property can hold code; the check's own toString() says what it is in logs.
      @SuppressWarnings("unchecked")
      Predicate<String> origins = (Predicate<String>) check;
      return Optional.of(new Value(String.valueOf(check), "JAX-RS property " + key, origins));
    }
    if (property != null) {
      return Optional.of(new Value(text(property), "JAX-RS property " + key));
    }
    String system = systemProperties.apply(key);
    if (system != null) {
      return Optional.of(new Value(system, "system property " + key));
    }
    String variable = ConfiguredOrigins.environmentName(key);
    String env = environment.get(variable);
    if (env != null) {
      return Optional.of(new Value(env, "environment variable " + variable));
    }
    return Optional.empty();
  }

  /**
   * A property's origins as one list. Configuration libraries hand lists over as collections or
   * arrays, whose {@code toString()} ({@code [https://a.com, ...]}, {@code [Ljava.lang.String;@1f})
   * would be refused as a malformed origin.
   */
  private static String text(Object property) {
    Stream<?> items = property instanceof Collection<?> collection ? collection.stream()
        : property instanceof Object[] array ? Arrays.stream(array)
        : null;
    return items == null ? property.toString()
        : items.map(String::valueOf).collect(Collectors.joining(", "));
  }
}
