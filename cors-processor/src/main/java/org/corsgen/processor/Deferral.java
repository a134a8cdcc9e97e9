package org.corsgen.processor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.corsgen.processor.validation.ResourceValidator;

/**
 * The classes that wait for a later round: a supertype, parameter type or {@code @Cors} value
 * another processor has yet to generate would make whether a class is a resource, its method keys
 * or its policy wrong now. If the round never comes, javac reports the missing name itself.
 */
final class Deferral {

  private final ResourceValidator validator;
  private final Types types;
  /** The waiting classes by name: elements of one round are not to be used in another. */
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<TypeElement> waiting = new LinkedHashSet<>();

  Deferral(ResourceValidator validator, Types types) {
    this.validator = validator;
    this.types = types;
  }

  /** The classes that waited in the round before, as elements of this one; none wait any more. */
  Set<TypeElement> resume(Elements elements) {
    Set<TypeElement> resumed = new LinkedHashSet<>();
    for (String name : deferred) {
      resumed.add(elements.getTypeElement(name));
    }
    deferred.clear();
    waiting.clear();
    return resumed;
  }

  /**
   * The resources among {@code candidates} that can be validated this round; the others that are
   * resources, or may turn out to be, wait for the next.
   */
  Set<TypeElement> readyResources(Set<TypeElement> candidates) {
    Set<TypeElement> resources = new LinkedHashSet<>();
    for (TypeElement type : candidates) {
      if (!validator.hasResolvedSupertypes(type)
          || (validator.isResource(type) && !validator.isComplete(type))) {
        await(type);
      } else if (validator.isResource(type)) {
        resources.add(type);
      }
    }
    for (TypeElement type : List.copyOf(resources)) {
      // A class without @Path that a waiting class extends: whether it is a base of root
      // resources, validated as theirs, is known once that class is.
      if (!validator.isRootResource(type) && hasWaitingSubtype(type)) {
        resources.remove(type);
        await(type);
      }
    }
    return resources;
  }

  /** Whether {@code type} waits this round. */
  boolean isWaiting(TypeElement type) {
    return waiting.contains(type);
  }

  /** Whether a class that waits this round extends {@code type}, generics aside. */
  boolean hasWaitingSubtype(TypeElement type) {
    return waiting.stream().anyMatch(subtype -> types.isSubtype(
        types.erasure(subtype.asType()), types.erasure(type.asType())));
  }

  private void await(TypeElement type) {
    waiting.add(type);
    deferred.add(type.getQualifiedName().toString());
  }
}
