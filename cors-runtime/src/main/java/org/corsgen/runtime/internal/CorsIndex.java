package org.corsgen.runtime.internal;

import jakarta.ws.rs.core.Configuration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.corsgen.runtime.spi.CorsBindings;
import org.corsgen.runtime.spi.CorsPolicy;
import org.corsgen.runtime.spi.MethodKey;

/**
 * Finds the generated {@link CorsBindings} of a resource class through the index file the
 * processor writes for its package (under {@value CorsBindings#PACKAGE_INDEX}); nothing else on
 * the class path is scanned.
 */
public final class CorsIndex {

  private static final Logger LOG = System.getLogger("org.corsgen");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Whether each class loader seen so far has {@value CorsBindings#INDEX}. */
  private final Map<ClassLoader, Boolean> indexByLoader = new ConcurrentHashMap<>();
  private final Map<Class<?>, Optional<Indexed>> indexed = new ConcurrentHashMap<>();
  private final Map<PackageOf, Map<String, Named>> packages = new ConcurrentHashMap<>();
  /** What every copy of {@value CorsBindings#INDEX} a loader sees lists, read at a first miss. */
  private final Map<ClassLoader, Map<String, String>> listedByLoader = new ConcurrentHashMap<>();
  private final Map<Generated, CorsBindings> bindingsByClass = new ConcurrentHashMap<>();
  private final Map<CorsPolicy, CorsPolicy> resolved = new ConcurrentHashMap<>();
  private final Function<String, Optional<ConfiguredOrigins.Value>> configuration;

  /**
   * The generated bindings that hold a resource class's policies, and the name the class has
   * there: the class itself or, for a subclass the processor never saw, its nearest superclass.
   */
  private record Indexed(CorsBindings bindings, String resourceClass) {}

  /** A generated class as a package's file names it, and where that file was. */
  private record Named(String generated, URL file) {}

  /** A generated class by its loader (compared by identity) and binary name. */
  private record Generated(ClassLoader loader, String name) {}

  /** A package as a class loader sees it, split across the jars and directories it reads. */
  private record PackageOf(ClassLoader loader, String name) {}

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

  /** The policy of a resource method, or empty when none covers it. */
  public Optional<CorsPolicy> policyFor(Class<?> resourceClass, Method method) {
    return policyFor(resourceClass, MethodKey.of(method));
  }

  /** The policy of the resource method with {@code methodKey}, or empty when none covers it. */
  public Optional<CorsPolicy> policyFor(Class<?> resourceClass, String methodKey) {
    return indexed.computeIfAbsent(resourceClass, this::find)
        .map(found -> found.bindings().policyOrNull(found.resourceClass(), methodKey))
        .map(policy -> resolved.computeIfAbsent(policy,
            p -> ConfiguredOrigins.resolve(p, configuration)));
  }

  /**
   * Whether the jar or directory of a resource class looked up so far, or of one of
   * {@code classes}, holds an index: the processor ran where they were compiled, if for none of
   * their policies. One elsewhere on the class path, a library's, says nothing of their build.
   */
  public boolean foundAnIndex(Collection<Class<?>> classes) {
    return Stream.concat(indexed.keySet().stream(), classes.stream())
        .anyMatch(CorsIndex::hasIndexBeside);
  }

  private static boolean hasIndexBeside(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null) {
      return false;
    }
    String classFile = type.getName().replace('.', '/') + ".class";
    URL own = loader.getResource(classFile);
    try {
      if (own == null || !own.toString().endsWith(classFile)) {
        // Loaded from somewhere a URL does not show: any index of its loader will do.
        return loader.getResource(CorsBindings.INDEX) != null;
      }
      String beside = own.toString().substring(0, own.toString().length() - classFile.length())
          + CorsBindings.INDEX;
      return Collections.list(loader.getResources(CorsBindings.INDEX)).stream()
          .anyMatch(index -> index.toString().equals(beside));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The class or, for instances of anonymous subclasses and proxies (CDI, Spring, CGLIB), the
   * nearest superclass the processor saw.
   */
  private Optional<Indexed> find(Class<?> resourceClass) {
    for (Class<?> type = resourceClass; type != null && type != Object.class;
        type = type.getSuperclass()) {
      ClassLoader loader = type.getClassLoader();
      Named named = loader == null || !hasIndex(loader) ? null : generatedFor(loader, type);
      if (named != null) {
        String generated = named.generated();
        warnIfShadowed(loader, type, named);
        Class<?> resource = type;
        // One instance per generated class: it holds the policies of a whole package.
        CorsBindings bindings = bindingsByClass.computeIfAbsent(new Generated(loader, generated),
            key -> instantiate(resource, key.name(), key.loader()));
        return Optional.of(new Indexed(bindings, type.getName()));
      }
      if (loader != null && hasIndex(loader)) {
        warnIfOnlyListed(loader, type);
      }
    }
    return Optional.empty();
  }

  /**
   * Warns where {@value CorsBindings#INDEX} lists a class that no package file names: a jar
   * built by an earlier corsgen, which wrote only that list or a file per resource, or a merged
   * jar that kept another module's copy of the package's file. Start-up would otherwise blame a
   * build that never ran the processor.
   */
  private void warnIfOnlyListed(ClassLoader loader, Class<?> type) {
    Map<String, String> listed = listedByLoader.computeIfAbsent(loader, l -> {
      Map<String, String> all = new HashMap<>();
      try {
        for (URL file : Collections.list(l.getResources(CorsBindings.INDEX))) {
          read(file, all, false);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("corsgen: cannot list " + CorsBindings.INDEX, e);
      }
      return all;
    });
    if (listed.containsKey(type.getName())) {
      LOG.log(Level.WARNING, "corsgen: {0} is listed in {1} but named in no {2}, so it"
          + " gets no CORS. Its classes were built by an earlier corsgen version, or merged into"
          + " one jar with another module''s copy of that file (maven-shade keeps the first; an"
          + " AppendingTransformer for it keeps all). Rebuild it with this version of"
          + " cors-processor.", type.getName(), CorsBindings.INDEX,
          packageFile(type.getPackageName()));
    }
  }

  /** Where the processor names the generated classes of {@code pkg}'s resources. */
  private static String packageFile(String pkg) {
    return CorsBindings.PACKAGE_INDEX + (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/")
        + CorsBindings.PACKAGE_INDEX_FILE;
  }

  private boolean hasIndex(ClassLoader loader) {
    return indexByLoader.computeIfAbsent(loader,
        l -> l.getResource(CorsBindings.INDEX) != null);
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
      // A class generated against another version of CorsBindings loads, but calling it would
      // throw AbstractMethodError in the middle of a request's wiring; refuse it here instead.
      if (Modifier.isAbstract(type.getMethod("policyOrNull", String.class, String.class)
          .getModifiers())) {
        throw new AbstractMethodError(
            generated + " does not implement policyOrNull(String, String)");
      }
      return (CorsBindings) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new IllegalStateException("corsgen: the index names " + generated + " for "
          + resourceClass.getName() + ", but it cannot be loaded or used. Was the resource compiled"
          + " with a different corsgen version, or the generated class left out of the build?", e);
    }
  }

  /**
   * The generated class the index names for {@code type}, or null: no index file lists it, or
   * the one that did was rewritten without it when the class lost its policies.
   */
  private Named generatedFor(ClassLoader loader, Class<?> type) {
    return packages.computeIfAbsent(new PackageOf(loader, type.getPackageName()), this::readIndex)
        .get(type.getName());
  }

  /** Every copy of a package's file the loader sees, the first to name a resource winning. */
  private Map<String, Named> readIndex(PackageOf pkg) {
    String name = packageFile(pkg.name());
    Map<String, Named> generatedByResource = new HashMap<>();
    try {
      for (URL file : Collections.list(pkg.loader().getResources(name))) {
        Map<String, String> inFile = new HashMap<>();
        read(file, inFile, true);
        inFile.forEach((resource, generated) ->
            generatedByResource.putIfAbsent(resource, new Named(generated, file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corsgen: cannot list " + name, e);
    }
    return generatedByResource;
  }

  /**
   * Warns where the generated class the loader loads for {@code type} is not the one beside the
   * package file that named it: another output or jar on the class path has a generated class of
   * that name (main and test classes built apart into directories an earlier build left files
   * in, say), which answers for its own resources only, so {@code type} gets no CORS.
   */
  private static void warnIfShadowed(ClassLoader loader, Class<?> type, Named named) {
    String file = named.file().toString();
    String packageFile = packageFile(type.getPackageName());
    String classFile = named.generated().replace('.', '/') + ".class";
    URL loaded = loader.getResource(classFile);
    if (loaded == null || !file.endsWith(packageFile)) {
      return; // not found at all is instantiate's to report; an odd URL tells nothing
    }
    String beside = file.substring(0, file.length() - packageFile.length()) + classFile;
    if (!loaded.toString().equals(beside)) {
      LOG.log(Level.WARNING, "corsgen: {0} names {1} for {2}, but the class path loads {1} from"
          + " {3}, another output or jar, whose class answers for its own resources only: {2}"
          + " gets no CORS. Build both clean, so that the processor sees both and names them"
          + " apart.", file, named.generated(), type.getName(), loaded);
    }
  }

  /**
   * Reads one file's {@code <resource class> <generated class>} lines into
   * {@code generatedByResource}, the first to name a resource winning. A line of another shape
   * is left out with a warning that names it: a hand edit or a build step that rewrote the file
   * would otherwise take a resource's CORS away without a word.
   *
   * @param binds whether the file binds resources to generated classes (a package's file), or
   *     only lists them ({@value CorsBindings#INDEX})
   */
  static void read(URL file, Map<String, String> generatedByResource, boolean binds) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        // An editor may save the file with a byte order mark, which readLine keeps.
        String entry = (number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line)
            .strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        String[] names = WHITESPACE.split(entry);
        if (names.length == 2) {
          generatedByResource.putIfAbsent(names[0], names[1]);
        } else {
          LOG.log(Level.WARNING, "corsgen: line {0} of {1} is not \"<resource class> <generated"
              + " class>\" and is left out{2}: \"{3}\". The processor writes these files; rebuild"
              + " rather than edit them.", String.valueOf(number), file,
              binds ? ", so the resource it was meant for gets no CORS" : "", entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corsgen: cannot read " + file, e);
    }
  }
}
