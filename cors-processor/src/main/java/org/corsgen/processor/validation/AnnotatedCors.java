package org.corsgen.processor.validation;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** A {@code @Cors} annotation and the class or method it is written on. */
record AnnotatedCors(Element annotated, AnnotationMirror mirror) {

  /** The items of an array attribute as written; empty when it was left to its default. */
  @SuppressWarnings("unchecked")
  List<AnnotationValue> items(String attribute) {
    return JaxRs.writtenValue(mirror, attribute)
        .map(value -> (List<AnnotationValue>) value.getValue())
        .orElse(List.of());
  }

  /** Whether this policy covers {@code httpMethod}, read from the annotation as written. */
  boolean grants(String httpMethod) {
    List<AnnotationValue> methods = items("methods");
    return methods.isEmpty() || methods.stream().anyMatch(item -> item.getValue().equals(httpMethod));
  }
}
