package org.corsgen.processor.diagnostics;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Prints reports to javac, each diagnostic once per compilation: a {@code @Cors} on a supertype
 * is validated with every resource class that inherits it, and again where it is written.
 *
 * <p>A diagnostic on an element read from a class file (a base class in a library, a resource
 * read back by a partial rebuild) has no source line for javac to show, so its text names the
 * element.
 */
public final class Printer {

  private final Messager messager;
  private final Set<Report.Entry> printed = new HashSet<>();
  private final Set<String> sourceTypes = new HashSet<>();

  public Printer(Messager messager) {
    this.messager = messager;
  }

  /** Records the types of a round, the ones whose diagnostics javac can place in a source. */
  public void see(Iterable<TypeElement> roundTypes) {
    for (TypeElement type : roundTypes) {
      sourceTypes.add(type.getQualifiedName().toString());
    }
  }

  public void print(Report report) {
    for (Report.Entry entry : report.entries()) {
      if (printed.add(entry)) {
        print(entry);
      }
    }
  }

  private void print(Report.Entry entry) {
    String text = isInSource(entry.element())
        ? entry.text()
        : entry.text() + " (On " + name(entry.element()) + ", read from its class file.)";
    if (entry.annotation().isEmpty()) {
      messager.printMessage(entry.message().kind(), text, entry.element());
    } else if (entry.value().isEmpty()) {
      messager.printMessage(entry.message().kind(), text, entry.element(),
          entry.annotation().get());
    } else {
      messager.printMessage(entry.message().kind(), text, entry.element(),
          entry.annotation().get(), entry.value().get());
    }
  }

  private boolean isInSource(Element element) {
    Element outermost = element;
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement) {
        outermost = e;
      }
    }
    return outermost instanceof TypeElement type
        && sourceTypes.contains(type.getQualifiedName().toString());
  }

  private static String name(Element element) {
    if (element instanceof TypeElement type) {
      return type.getQualifiedName().toString();
    }
    if (element.getEnclosingElement() == null) {
      return element.toString();
    }
    String enclosing = name(element.getEnclosingElement());
    return element instanceof ExecutableElement ? enclosing + "." + element : enclosing;
  }
}
