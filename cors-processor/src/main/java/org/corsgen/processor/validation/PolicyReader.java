package org.corsgen.processor.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.diagnostics.Report;
import org.corsgen.processor.model.OriginPattern;
import org.corsgen.processor.model.Policy;

/**
 * Reads one {@code @Cors} annotation into a validated {@link Policy}, reporting every problem on
 * the value that causes it.
 */
final class PolicyReader {

  private final Elements elements;

  PolicyReader(Elements elements) {
    this.elements = elements;
  }

  /** The policy, or empty when it has errors (which are then in {@code report}). */
  Optional<Policy> read(Element annotated, AnnotationMirror cors, String source,
      String constantName, Report report) {
    Values values = new Values(annotated, cors);
    int errorsBefore = report.errorCount();
    boolean credentials = (Boolean) values.get("allowCredentials").getValue();

    boolean anyOrigin = false;
    Set<String> exact = new LinkedHashSet<>();
    List<OriginPattern> patterns = new ArrayList<>();
    List<AnnotationValue> origins = values.list("origins");
    if (origins.isEmpty()) {
      report.report(Message.ORIGINS_EMPTY, annotated, cors, values.written("origins"));
    }
    for (AnnotationValue item : origins) {
      String origin = (String) item.getValue();
      OriginSyntax.Parsed parsed = OriginSyntax.parse(origin);
      if (parsed instanceof OriginSyntax.Invalid invalid) {
        report.report(invalid.message(), annotated, cors, Optional.of(item), invalid.args());
      } else if (parsed instanceof OriginSyntax.AnyOrigin) {
        anyOrigin = true;
        if (origins.size() > 1) {
          report.report(Message.ORIGIN_WILDCARD_MIXED, annotated, cors, Optional.of(item));
        }
        if (credentials) {
          report.report(Message.ORIGIN_WILDCARD_WITH_CREDENTIALS, annotated, cors,
              Optional.of(item));
        }
      } else if (parsed instanceof OriginSyntax.Exact exactOrigin) {
        exact.add(exactOrigin.origin());
      } else if (parsed instanceof OriginSyntax.Pattern pattern) {
        if (!patterns.contains(pattern.pattern())) {
          patterns.add(pattern.pattern());
        }
      }
    }

    List<String> allowHeaders = headerNames(values, "allowHeaders", credentials, report);
    List<String> exposeHeaders = headerNames(values, "exposeHeaders", credentials, report);

    int maxAge = (Integer) values.get("maxAge").getValue();
    if (maxAge < -1) {
      report.report(Message.MAX_AGE_NEGATIVE, annotated, cors, values.written("maxAge"), maxAge);
    }

    Set<String> methods = new LinkedHashSet<>();
    for (AnnotationValue item : values.list("methods")) {
      methods.add((String) item.getValue());
    }

    if (report.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new Policy(source, constantName, anyOrigin, List.copyOf(exact), patterns,
        List.copyOf(methods), allowHeaders, exposeHeaders, credentials,
        maxAge == -1 ? OptionalInt.empty() : OptionalInt.of(maxAge)));
  }

  private static List<String> headerNames(Values values, String attribute, boolean credentials,
      Report report) {
    List<String> names = new ArrayList<>();
    for (AnnotationValue item : values.list(attribute)) {
      String name = (String) item.getValue();
      if (name.equals("*") && credentials) {
        report.report(Message.CREDENTIALS_ANY_HEADER, values.annotated, values.cors,
            Optional.of(item), attribute);
      }
      if (names.stream().noneMatch(name::equalsIgnoreCase)) {
        names.add(name);
      }
    }
    return names;
  }

  /** A {@code @Cors} mirror's values, with defaults filled in. */
  private final class Values {
    final Element annotated;
    final AnnotationMirror cors;
    final Map<? extends ExecutableElement, ? extends AnnotationValue> all;

    Values(Element annotated, AnnotationMirror cors) {
      this.annotated = annotated;
      this.cors = cors;
      this.all = elements.getElementValuesWithDefaults(cors);
    }

    AnnotationValue get(String attribute) {
      return all.entrySet().stream()
          .filter(entry -> entry.getKey().getSimpleName().contentEquals(attribute))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    List<AnnotationValue> list(String attribute) {
      return (List<AnnotationValue>) get(attribute).getValue();
    }

    Optional<AnnotationValue> written(String attribute) {
      return JaxRs.writtenValue(cors, attribute);
    }
  }
}
