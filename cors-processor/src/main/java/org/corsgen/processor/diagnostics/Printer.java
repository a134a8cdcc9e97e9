package org.corsgen.processor.diagnostics;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;

/**
 * Prints reports to javac, each diagnostic once per compilation: a {@code @Cors} on a supertype
 * is validated with every resource class that inherits it, and again where it is written.
 */
public final class Printer {

  private final Messager messager;
  private final Set<Report.Entry> printed = new HashSet<>();

  public Printer(Messager messager) {
    this.messager = messager;
  }

  public void print(Report report) {
    for (Report.Entry entry : report.entries()) {
      if (printed.add(entry)) {
        print(entry);
      }
    }
  }

  private void print(Report.Entry entry) {
    if (entry.annotation().isEmpty()) {
      messager.printMessage(entry.message().kind(), entry.text(), entry.element());
    } else if (entry.value().isEmpty()) {
      messager.printMessage(entry.message().kind(), entry.text(), entry.element(),
          entry.annotation().get());
    } else {
      messager.printMessage(entry.message().kind(), entry.text(), entry.element(),
          entry.annotation().get(), entry.value().get());
    }
  }
}
