package org.corsgen.processor.validation;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * A public resource method of a resource class, as JAX-RS serves it.
 *
 * @param method the method, as a member of the resource class
 * @param annotated the method whose JAX-RS annotations apply (itself, or one it overrides)
 * @param httpMethod the HTTP method it serves
 * @param path its full path template ({@code {locator}/...} in a sub-resource), as reports name it
 * @param route what decides which methods share a URL with it ({@link PathTemplates#route})
 * @param cors the {@code @Cors} in effect for it, if any
 */
record ServedMethod(ExecutableElement method, ExecutableElement annotated, String httpMethod,
    String path, String route, Optional<AnnotatedCors> cors) {

  /**
   * Whether corsgen answers preflights for this method at its path. Never for an {@code @OPTIONS}
   * method: a preflight is itself an OPTIONS request, answered by that method.
   */
  boolean isPreflighted() {
    return !answersOptions() && cors.isPresent() && cors.get().grants(httpMethod);
  }

  /** Whether this is an {@code @OPTIONS} method of the application's own. */
  boolean answersOptions() {
    return httpMethod.equals("OPTIONS");
  }

  /** {@code com.example.ItemsResource.list()}. */
  String describe() {
    return ResourceValidator.describe(method);
  }
}
