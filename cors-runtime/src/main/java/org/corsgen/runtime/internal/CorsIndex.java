package org.corsgen.runtime.internal;

import jakarta.ws.rs.core.Configuration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.corsgen.runtime.spi.CorsBindings;
import org.corsgen.runtime.spi.CorsPolicy;
import org.corsgen.runtime.spi.MethodKey;

/**
 * Finds the generated {@link CorsBindings} of a resource class through the index files the
 * processor writes ({@value CorsBindings#INDEX}); nothing else on the class path is scanned.
 */
public final class CorsIndex {

  private final Map<ClassLoader, Map<String, String>> indexByLoader = new ConcurrentHashMap<>();
  private final Map<Class<?>, Optional<CorsBindings>> bindings = new ConcurrentHashMap<>();
  private final Map<CorsPolicy, CorsPolicy> resolved = new ConcurrentHashMap<>();
  private final Function<String, Optional<ConfiguredOrigins.Value>> configuration;

  /**
   * @param configuration where {@code origins} placeholders find their values; every policy is
   *     resolved against it once, so the model processor and the response filters share it
   */
  CorsIndex(Function<String, Optional<ConfiguredOrigins.Value>> configuration) {
    this.configuration = configuration;
  }

  /** An index whose placeholders resolve from {@code configuration}, then system, then env. */
  public static CorsIndex forApplication(Configuration configuration) {
    return new CorsIndex(new ConfigurationLookup(configuration));
  }

  /** The bindings generated for {@code resourceClass}, or empty when it has no {@code @Cors}. */
  public Optional<CorsBindings> bindingsFor(Class<?> resourceClass) {
    return bindings.computeIfAbsent(resourceClass, this::load);
  }

  /** The policy of a resource method, or empty when none covers it. */
  public Optional<CorsPolicy> policyFor(Class<?> resourceClass, Method method) {
    return bindingsFor(resourceClass)
        .flatMap(bindings -> bindings.policyFor(MethodKey.of(method)))
        .map(policy -> resolved.computeIfAbsent(policy,
            p -> ConfiguredOrigins.resolve(p, configuration)));
  }

  /**
   * The bindings of the class or, for instances of anonymous subclasses and proxies (CDI, Spring,
   * CGLIB), of the nearest superclass the processor saw.
   */
  private Optional<CorsBindings> load(Class<?> resourceClass) {
    for (Class<?> type = resourceClass; type != null && type != Object.class;
        type = type.getSuperclass()) {
      ClassLoader loader = type.getClassLoader();
      String generated = loader == null ? null
          : indexByLoader.computeIfAbsent(loader, CorsIndex::read).get(type.getName());
      if (generated != null) {
        return Optional.of(instantiate(type, generated, loader));
      }
    }
    return Optional.empty();
  }

  private static CorsBindings instantiate(Class<?> resourceClass, String generated,
      ClassLoader loader) {
    try {
      Class<?> type = Class.forName(generated, true, loader);
      Module module = type.getModule();
      if (!module.isExported(type.getPackageName(), CorsIndex.class.getModule())) {
        throw new IllegalStateException("corsgen: module " + module.getName() + " does not export"
            + " package " + type.getPackageName() + " to " + CorsIndex.class.getModule().getName()
            + ", so CorsFeature cannot create " + generated + ". Add \"opens "
            + type.getPackageName() + " to " + CorsIndex.class.getModule().getName()
            + ";\" (or exports) to its module-info.java.");
      }
      return (CorsBindings) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new IllegalStateException("corsgen: the index names " + generated + " for "
          + resourceClass.getName() + ", but it cannot be loaded. Was the resource compiled with"
          + " a different corsgen version, or the generated class left out of the build?", e);
    }
  }

  private static Map<String, String> read(ClassLoader loader) {
    Map<String, String> index = new HashMap<>();
    try {
      Enumeration<URL> files = loader.getResources(CorsBindings.INDEX);
      while (files.hasMoreElements()) {
        URL file = files.nextElement();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
          reader.lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .forEach(line -> {
                int space = line.indexOf(' ');
                if (space > 0) {
                  index.put(line.substring(0, space), line.substring(space + 1).strip());
                }
              });
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corsgen: cannot read " + CorsBindings.INDEX, e);
    }
    return index;
  }
}
