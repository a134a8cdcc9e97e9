package org.corsgen.processor.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * The diagnostics found while validating one resource class, printed together by {@link Printer};
 * code is generated only when the report is clean (the way Dagger's {@code ValidationReport} is
 * used).
 *
 * <p>A {@linkplain Message#suppressible() suppressible} message named by
 * {@code @SuppressWarnings} on its element or an enclosing one is dropped when reported, so it
 * neither prints nor stops code generation. javac only honours its own lint names there, so the
 * processor reads the annotation itself.
 */
public final class Report {

  /** One diagnostic, on the most precise location known. */
  public record Entry(Message message, String text, Element element,
      Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Predicate<Element> suppressionsLost;

  public Report() {
    this(element -> false);
  }

  /**
   * A report in which a suppressible message on an element that {@code suppressionsLost} accepts
   * counts as suppressed: one read back from a class file that corsgen validated when it was
   * compiled, whose {@code @SuppressWarnings} (kept in source only) is gone now.
   */
  public Report(Predicate<Element> suppressionsLost) {
    this.suppressionsLost = suppressionsLost;
  }

  /** Reports {@code message} on an element. */
  public void report(Message message, Element element, Object... args) {
    add(new Entry(message, message.format(args), element, Optional.empty(), Optional.empty()));
  }

  /**
   * Reports {@code message} on an annotation's value, or on the annotation itself when the
   * attribute was not written (then {@code value} is empty).
   */
  public void report(Message message, Element element, AnnotationMirror annotation,
      Optional<AnnotationValue> value, Object... args) {
    add(new Entry(message, message.format(args), element, Optional.of(annotation), value));
  }

  /**
   * Reports {@code message}, about an origin in the default of {@code placeholder}, on an
   * annotation's value: its fix is for that origin, which the message then says.
   */
  public void reportInDefault(Message message, Element element, AnnotationMirror annotation,
      AnnotationValue value, String placeholder, Object[] args) {
    add(new Entry(message, message.formatInDefault(placeholder, args), element,
        Optional.of(annotation), Optional.of(value)));
  }

  private void add(Entry entry) {
    if (!suppresses(entry.message(), entry.element())) {
      entries.add(entry);
    }
  }

  /**
   * Whether {@code message} is suppressed on {@code element}: for a message reported on a policy
   * about one of the methods it covers, which may be suppressed on that method instead.
   */
  public boolean suppresses(Message message, Element element) {
    return message.suppressible()
        && (isSuppressed(message.tag(), element) || suppressionsLost.test(element));
  }

  /**
   * Whether {@code @SuppressWarnings} with the tag of {@code message}, an error that is accepted
   * on purpose only where several elements agree, is on {@code element} or an element enclosing
   * it, or was there when an element read back from a class file was compiled (as for
   * suppressible messages, that is taken for granted: its {@code @SuppressWarnings} is gone).
   */
  public boolean acceptsOnPurpose(Message message, Element element) {
    return isSuppressed(message.tag(), element) || suppressionsLost.test(element);
  }

  /** Whether {@code @SuppressWarnings(tag)} is on {@code element} or any element enclosing it. */
  private static boolean isSuppressed(String tag, Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppressed = e.getAnnotation(SuppressWarnings.class);
      if (suppressed != null && Arrays.asList(suppressed.value()).contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /** This report without its warnings. */
  public Report errors() {
    Report errors = new Report();
    entries.stream().filter(entry -> entry.message().kind() == Kind.ERROR)
        .forEach(errors.entries::add);
    return errors;
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Whether nothing in this report stops code generation. */
  public boolean isClean() {
    return errorCount() == 0;
  }

  public int errorCount() {
    return (int) entries.stream().filter(entry -> entry.message().kind() == Kind.ERROR).count();
  }
}
