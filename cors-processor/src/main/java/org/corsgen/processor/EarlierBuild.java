package org.corsgen.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import org.corsgen.processor.validation.Outputs;
import org.corsgen.processor.validation.ResourceValidator;
import org.corsgen.processor.writing.IndexWriter;

/**
 * What the last build left in the class output, for a build that recompiles only the changed
 * sources (IntelliJ's, Eclipse's, Maven's without incremental compilation, javac by hand): the
 * resources its index named that are not part of this compilation are read back from their
 * class files and validated and generated again with the others, so that a partial rebuild
 * writes the same index and classes as a full one.
 */
final class EarlierBuild {

  private final Set<String> readBack = new HashSet<>();
  /** The resources of the earlier index, to their generated classes. */
  private Map<String, String> indexed = Map.of();
  private boolean hadWithoutPolicies;
  private final Map<String, TypeElement> stillWithoutPolicies = new TreeMap<>();
  /** Listed resources whose class files are in the class output but not on the class path. */
  private final Set<String> unseen = new TreeSet<>();

  /**
   * The resources of the earlier index, and those it listed as having no policy (a supertype
   * compiled now may give them one), that still exist as class files and whose sources are not
   * in {@code firstRound}. A resource whose class is gone, or that is compiled now (perhaps
   * without {@code @Cors} any more), is not carried over.
   */
  List<TypeElement> resources(RoundEnvironment firstRound, ProcessingEnvironment env,
      ResourceValidator validator) {
    Set<String> compiledNow = new HashSet<>();
    for (TypeElement type : ElementFilter.typesIn(firstRound.getRootElements())) {
      compiledNow.add(type.getQualifiedName().toString());
    }
    indexed = IndexWriter.earlierResources(env.getFiler());
    Set<String> withoutPolicies = IndexWriter.earlierWithoutPolicies(env.getFiler());
    hadWithoutPolicies = !withoutPolicies.isEmpty();
    Set<String> names = new TreeSet<>(indexed.keySet());
    names.addAll(withoutPolicies);
    List<TypeElement> earlier = new ArrayList<>();
    for (String binaryName : names) {
      TypeElement type = byBinaryName(env.getElementUtils(), binaryName);
      if (type == null) {
        // Gone, or only not on the class path (javac run by hand without its -d directory on
        // -cp), which CorsProcessor refuses: dropped, it would lose CORS for good.
        if (Outputs.hasClassFile(env.getFiler(), binaryName)) {
          unseen.add(binaryName);
        }
        continue;
      }
      if (compiledNow.contains(outermost(type).getQualifiedName().toString())) {
        continue;
      }
      // One without a policy can only gain one from a supertype compiled now; the others stay
      // listed as they were.
      if (!indexed.containsKey(binaryName) && !inheritsFrom(type, compiledNow, new HashSet<>())) {
        stillWithoutPolicies.put(binaryName, type);
      } else if (validator.isResource(type)) {
        earlier.add(type);
        readBack.add(type.getQualifiedName().toString());
      }
    }
    if (!unseen.isEmpty() && (!earlier.isEmpty() || isOnClassPath(env))) {
      // The class output is on the class path after all, or the others' sources are (they are
      // read back from them): those are stale class files that javac cannot read as types (a
      // nested class removed from its source compiled now, a source deleted), gone.
      unseen.clear();
    }
    return earlier;
  }

  /**
   * Whether the class output is on the class path, told by the generated classes the earlier
   * index names: one the class path shows says so, unless it is the source the last build
   * generated, which a build may put on the source path (Maven's generated-sources directory).
   */
  private boolean isOnClassPath(ProcessingEnvironment env) {
    boolean sourcesApart = !Outputs.isSourceOutputTheClassOutput(env.getFiler());
    return indexed.values().stream()
        .anyMatch(generated -> byBinaryName(env.getElementUtils(), generated) != null
            && !(sourcesApart && Outputs.hasSource(env.getFiler(), generated)));
  }

  /**
   * Takes {@code resource} back if it was read back from its class file in the first round and is
   * now a source that another processor generated again, perhaps with another policy or none:
   * from then on it is one of this compilation's. Returns whether it was. Its code is generated
   * again, in a class of another name (the Filer will not write one twice).
   */
  boolean takeGeneratedAgain(TypeElement resource) {
    return readBack.remove(resource.getQualifiedName().toString());
  }

  /**
   * The resources of the earlier index whose class files are in the class output, where the class
   * path does not show them.
   */
  Set<String> unseen() {
    return unseen;
  }

  /** Whether {@code resource} was read back from its class file; its warnings were printed then. */
  boolean isReadBack(TypeElement resource) {
    return readBack.contains(resource.getQualifiedName().toString());
  }

  /**
   * Whether {@code element} is, or is inside, a resource read back from its class file. corsgen
   * validated it when it was compiled, and the index names it only if it passed then; its
   * {@code @SuppressWarnings}, kept in source only, is gone now.
   */
  boolean isWithin(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement type && isReadBack(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The resources an earlier index named: then one must be written, if only to empty it, or it
   * would still bind resources that no longer have {@code @Cors} to the old generated classes.
   */
  Set<String> indexedResources() {
    return indexed.keySet();
  }

  /**
   * The generated class the earlier index named for a resource, if it named one; empty for one
   * it listed as having no policy.
   */
  Optional<String> earlierGenerated(String binaryName) {
    return Optional.ofNullable(indexed.get(binaryName));
  }

  /**
   * The resources listed without a policy that {@link #resources} did not read back, since none
   * of their supertypes is compiled now, by binary name: listed again as they were.
   */
  Map<String, TypeElement> stillWithoutPolicies() {
    return stillWithoutPolicies;
  }

  /** Whether an earlier compilation listed resources without a policy: the list is rewritten. */
  boolean hadResourcesWithoutPolicies() {
    return hadWithoutPolicies;
  }

  /**
   * The type with this binary name, or null. {@link Elements#getTypeElement} wants the canonical
   * name, and a {@code $} in a binary name either separates a nested class or belongs to a
   * simple name ({@code Legacy$Api}); each reading is tried until one is the type asked for.
   */
  static TypeElement byBinaryName(Elements elements, String binaryName) {
    List<Integer> dollars = new ArrayList<>();
    for (int i = binaryName.indexOf('$'); i >= 0; i = binaryName.indexOf('$', i + 1)) {
      dollars.add(i);
    }
    // Every $ a separator first, the usual case; a name with many is tried only both ways.
    int readings = dollars.size() <= 8 ? 1 << dollars.size() : 2;
    for (int reading = 0; reading < readings; reading++) {
      char[] name = binaryName.toCharArray();
      for (int d = 0; d < dollars.size(); d++) {
        boolean separator = readings == 2 ? reading == 0 : (reading & (1 << d)) == 0;
        if (separator) {
          name[dollars.get(d)] = '.';
        }
      }
      TypeElement type = elements.getTypeElement(new String(name));
      if (type != null && elements.getBinaryName(type).contentEquals(binaryName)) {
        return type;
      }
    }
    return null;
  }

  /** Whether a supertype of {@code type}, at any depth, is in a source of {@code compiledNow}. */
  private static boolean inheritsFrom(TypeElement type, Set<String> compiledNow,
      Set<String> seen) {
    List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
    supertypes.add(type.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      if (supertype instanceof DeclaredType declared
          && declared.asElement() instanceof TypeElement element
          && seen.add(element.getQualifiedName().toString())
          && (compiledNow.contains(outermost(element).getQualifiedName().toString())
              || inheritsFrom(element, compiledNow, seen))) {
        return true;
      }
    }
    return false;
  }

  private static TypeElement outermost(TypeElement type) {
    TypeElement outer = type;
    while (outer.getEnclosingElement() instanceof TypeElement enclosing) {
      outer = enclosing;
    }
    return outer;
  }
}
