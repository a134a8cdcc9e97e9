package org.corsgen.processor.validation;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.diagnostics.Report;
import org.corsgen.processor.model.CorsResource;

/**
 * The names the generated code takes from resources, over a whole compilation: it names a
 * resource's method and constants after its package-qualified nested name, which two resources
 * can share ({@code Outer.Inner} and a top-level {@code Outer_Inner}). Nothing in one resource
 * class shows the clash, so {@link ResourceValidator} cannot see it.
 */
public final class GeneratedNames {

  private final Map<String, String> resourceByNestedName = new HashMap<>();

  /** Claims the name of {@code resource}; the report holds an error when another resource has it. */
  public Report claim(CorsResource resource, TypeElement element) {
    Report report = new Report();
    String name = resource.qualifiedNestedName();
    String self = element.getQualifiedName().toString();
    String earlier = resourceByNestedName.putIfAbsent(name, self);
    if (earlier != null && !earlier.equals(self)) {
      report.report(Message.GENERATED_NAME_CLASH, element, self, name, earlier);
    }
    return report;
  }
}
