package org.corsgen.processor.validation;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * A public resource method of a root resource class, as JAX-RS serves it.
 *
 * @param method the method, as a member of the resource class
 * @param annotated the method whose JAX-RS annotations apply (itself, or one it overrides)
 * @param httpMethod the HTTP method it serves
 * @param path its full path template
 * @param cors the {@code @Cors} in effect for it, if any
 */
record ServedMethod(ExecutableElement method, ExecutableElement annotated, String httpMethod,
    String path, Optional<AnnotatedCors> cors) {

  /** Whether a preflight at this method's path may be answered for it by its policy. */
  boolean isPreflighted() {
    return cors.isPresent() && cors.get().grants(httpMethod);
  }

  /** {@code com.example.ItemsResource.list()}. */
  String describe() {
    return ResourceValidator.describe(method);
  }
}
