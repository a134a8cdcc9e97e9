package org.corsgen.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
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
  private boolean indexed;

  /**
   * The resources of the earlier index that still exist as class files and whose sources are not
   * in {@code firstRound}. A resource whose class is gone, or that is compiled now (perhaps
   * without {@code @Cors} any more), is not carried over.
   */
  List<TypeElement> resources(RoundEnvironment firstRound, ProcessingEnvironment env,
      ResourceValidator validator) {
    Set<String> compiledNow = new HashSet<>();
    for (TypeElement type : ElementFilter.typesIn(firstRound.getRootElements())) {
      compiledNow.add(type.getQualifiedName().toString());
    }
    Set<String> names = IndexWriter.earlierResources(env.getFiler());
    indexed = !names.isEmpty();
    List<TypeElement> earlier = new ArrayList<>();
    for (String binaryName : names) {
      TypeElement type = env.getElementUtils().getTypeElement(binaryName.replace('$', '.'));
      if (type != null && !compiledNow.contains(outermost(type).getQualifiedName().toString())
          && validator.isRootResource(type)) {
        earlier.add(type);
        readBack.add(type.getQualifiedName().toString());
      }
    }
    return earlier;
  }

  /** Whether {@code resource} was read back from its class file; its warnings were printed then. */
  boolean isReadBack(TypeElement resource) {
    return readBack.contains(resource.getQualifiedName().toString());
  }

  /**
   * Whether an earlier index named resources: then one must be written, if only to empty it, or
   * it would still bind resources that no longer have {@code @Cors} to the old generated classes.
   */
  boolean hadIndex() {
    return indexed;
  }

  private static TypeElement outermost(TypeElement type) {
    TypeElement outer = type;
    while (outer.getEnclosingElement() instanceof TypeElement enclosing) {
      outer = enclosing;
    }
    return outer;
  }
}
