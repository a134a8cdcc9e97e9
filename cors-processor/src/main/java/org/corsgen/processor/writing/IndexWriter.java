package org.corsgen.processor.writing;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.corsgen.runtime.spi.CorsBindings;

/**
 * Collects every generated class of a compilation and writes the index {@code CorsFeature} reads,
 * once, when processing is over: the list of the compilation's resources, and a file per package
 * that names the generated class of each of its resources (see {@link CorsBindings#PACKAGE_INDEX}
 * for why both).
 */
public final class IndexWriter {

  /** Where the runtime looks; a constant, so javac copies it and no runtime class is loaded. */
  public static final String INDEX = CorsBindings.INDEX;

  /**
   * The compilation's resources that have no policy but a supertype, one binary name per line:
   * the runtime never reads it. A build that recompiles only a supertype that gains
   * {@code @Cors} must give them their inherited policies, and nothing else would name them.
   */
  public static final String WITHOUT_POLICIES = "META-INF/corsgen/resources-without-policies";

  private static final String PACKAGE_INDEX = CorsBindings.PACKAGE_INDEX;
  private static final String PACKAGE_INDEX_FILE = CorsBindings.PACKAGE_INDEX_FILE;

  /** The lines of one package's file, and the elements they come from. */
  private record PackageIndex(Map<String, String> generatedByResource, List<Element> origins) {
    PackageIndex() {
      this(new TreeMap<>(), new ArrayList<>());
    }
  }

  private final Map<String, PackageIndex> byPackage = new TreeMap<>();
  private final Map<String, Element> withoutPolicies = new TreeMap<>();

  public void add(String resourceBinaryName, String generatedBinaryName, Element origin) {
    PackageIndex index = byPackage.computeIfAbsent(packageOf(resourceBinaryName),
        pkg -> new PackageIndex());
    index.generatedByResource().put(resourceBinaryName, generatedBinaryName);
    index.origins().add(origin);
    withoutPolicies.remove(resourceBinaryName);
  }

  /**
   * Takes back what {@link #add} or {@link #addWithoutPolicy} listed for a resource; its origin
   * element stays among the originating elements, which only tell an IDE what to rebuild.
   */
  public void remove(String resourceBinaryName) {
    PackageIndex index = byPackage.get(packageOf(resourceBinaryName));
    if (index != null) {
      index.generatedByResource().remove(resourceBinaryName);
      if (index.generatedByResource().isEmpty()) {
        byPackage.remove(packageOf(resourceBinaryName));
      }
    }
    withoutPolicies.remove(resourceBinaryName);
  }

  /** A resource with no policy, which a supertype recompiled alone could give one. */
  public void addWithoutPolicy(String resourceBinaryName, Element origin) {
    withoutPolicies.put(resourceBinaryName, origin);
  }

  public boolean isEmpty() {
    return byPackage.isEmpty();
  }

  /**
   * The resources named by the index an earlier compilation left in the class output, to their
   * generated classes, or none.
   * A build that recompiles only the changed sources (IntelliJ's, Eclipse's, Maven's with
   * {@code useIncrementalCompilation=false}, a hand-run javac) leaves the other resources out of
   * this compilation; the index and the generated classes must still cover them.
   */
  public static Map<String, String> earlierResources(Filer filer) {
    return namesIn(filer, INDEX);
  }

  /** The resources {@value #WITHOUT_POLICIES} of an earlier compilation named, or none. */
  public static Set<String> earlierWithoutPolicies(Filer filer) {
    return namesIn(filer, WITHOUT_POLICIES).keySet();
  }

  /**
   * The first name of each line of a file in the class output, to the second (empty where there
   * is none), or nothing without the file.
   */
  private static Map<String, String> namesIn(Filer filer, String name) {
    String text;
    try {
      text = filer.getResource(StandardLocation.CLASS_OUTPUT, "", name).getCharContent(true)
          .toString();
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      // No earlier file (a clean build), or a Filer that cannot read its own output.
      return Map.of();
    }
    Map<String, String> resources = new TreeMap<>();
    // Saved by an editor, the file may begin with a byte order mark, which strip() keeps.
    (text.startsWith("\uFEFF") ? text.substring(1) : text).lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("\\s+", 2))
        .forEach(names -> resources.putIfAbsent(names[0], names.length > 1 ? names[1] : ""));
    return resources;
  }

  /**
   * Writes the index. The file of each package of {@code earlierResources} (the index a partial
   * rebuild found) that has no resource left is emptied: the Filer cannot delete it, and kept, it
   * would still bind the package's resources to the old generated classes.
   */
  public void write(Filer filer, Set<String> earlierResources) throws IOException {
    StringBuilder index = new StringBuilder(
        "# Generated by corsgen: <resource class> <generated CORS class>\n");
    byPackage.values().forEach(pkg -> append(index, pkg.generatedByResource()));
    write(filer, INDEX, index, byPackage.values().stream()
        .flatMap(pkg -> pkg.origins().stream()).toArray(Element[]::new));
    for (Map.Entry<String, PackageIndex> entry : byPackage.entrySet()) {
      StringBuilder file = new StringBuilder("# Generated by corsgen: the resources of "
          + describe(entry.getKey()) + ", <resource class> <generated CORS class>\n");
      append(file, entry.getValue().generatedByResource());
      write(filer, packageFile(entry.getKey()), file,
          entry.getValue().origins().toArray(new Element[0]));
    }
    Set<String> dropped = new TreeSet<>();
    earlierResources.forEach(resource -> dropped.add(packageOf(resource)));
    dropped.removeAll(byPackage.keySet());
    for (String pkg : dropped) {
      write(filer, packageFile(pkg),
          "# Generated by corsgen: no resource of " + describe(pkg) + " has a CORS policy\n");
    }
  }

  /**
   * Writes {@value #WITHOUT_POLICIES} if any resource has no policy, or if an earlier compilation
   * wrote one ({@code earlierExisted}), which would otherwise keep naming them.
   */
  public void writeWithoutPolicies(Filer filer, boolean earlierExisted) throws IOException {
    if (withoutPolicies.isEmpty() && !earlierExisted) {
      return;
    }
    StringBuilder file = new StringBuilder("# Generated by corsgen: resources without a CORS"
        + " policy that may inherit one, read back when only their supertypes are recompiled\n");
    withoutPolicies.keySet().forEach(resource -> file.append(resource).append('\n'));
    write(filer, WITHOUT_POLICIES, file, withoutPolicies.values().toArray(new Element[0]));
  }

  private static void append(StringBuilder text, Map<String, String> generatedByResource) {
    generatedByResource.forEach((resource, generated) ->
        text.append(resource).append(' ').append(generated).append('\n'));
  }

  /** A binary name's package: nested classes are separated by {@code $}, never a dot. */
  private static String packageOf(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return dot < 0 ? "" : binaryName.substring(0, dot);
  }

  private static String describe(String pkg) {
    return pkg.isEmpty() ? "the unnamed package" : "package " + pkg;
  }

  /** The file that names the generated classes of {@code pkg}'s resources. */
  private static String packageFile(String pkg) {
    return PACKAGE_INDEX + (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + PACKAGE_INDEX_FILE;
  }

  private static void write(Filer filer, String name, CharSequence text, Element... origins)
      throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name, origins);
    try (Writer writer = new OutputStreamWriter(file.openOutputStream(),
        StandardCharsets.UTF_8)) {
      writer.append(text);
    }
  }
}
