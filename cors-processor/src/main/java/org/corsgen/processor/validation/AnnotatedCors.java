package org.corsgen.processor.validation;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/** A {@code @Cors} annotation and the class or method it is written on. */
record AnnotatedCors(Element annotated, AnnotationMirror mirror) {

  /**
   * The items of an array attribute as written; empty when it was left to its default or javac
   * could not resolve it (see {@link #isWellFormed()}).
   */
  @SuppressWarnings("unchecked")
  List<AnnotationValue> items(String attribute) {
    return JaxRs.writtenValue(mirror, attribute)
        .map(AnnotationValue::getValue)
        .filter(List.class::isInstance)
        .map(value -> (List<AnnotationValue>) value)
        .orElse(List.of());
  }

  /**
   * Whether every written value has the type {@code @Cors} declares. javac runs processors before
   * it reports a name it could not resolve (another processor might still generate it) and hands
   * them such a value as the string {@code "<error>"}; an annotation with one is left to javac's
   * own error rather than validated, or mistaken for a bug in corsgen.
   */
  boolean isWellFormed() {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      Object value = entry.getValue().getValue();
      boolean wellFormed = switch (entry.getKey().getReturnType().getKind()) {
        case ARRAY -> value instanceof List<?> items && items.stream()
            .allMatch(item -> isResolvedString((AnnotationValue) item));
        case BOOLEAN -> value instanceof Boolean;
        case INT -> value instanceof Integer;
        default -> true;
      };
      if (!wellFormed) {
        return false;
      }
    }
    return true;
  }

  /**
   * An unresolved item of an array comes as the string {@code "<error>"} too, but prints as it,
   * where a string constant, literal or named, prints in quotes.
   */
  private static boolean isResolvedString(AnnotationValue item) {
    return item.getValue() instanceof String text
        && !(text.equals("<error>") && !item.toString().startsWith("\""));
  }

  /** Whether this policy covers {@code httpMethod}, read from the annotation as written. */
  boolean grants(String httpMethod) {
    List<AnnotationValue> methods = items("methods");
    return methods.isEmpty()
        || methods.stream().anyMatch(item -> item.getValue().equals(httpMethod));
  }

  /** Whether the policy allows credentials, read from the annotation as written. */
  boolean allowsCredentials() {
    return JaxRs.writtenValue(mirror, "allowCredentials")
        .map(value -> (Boolean) value.getValue())
        .orElse(false);
  }
}
