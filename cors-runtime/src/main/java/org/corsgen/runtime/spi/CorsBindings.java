package org.corsgen.runtime.spi;

import java.util.Optional;

/**
 * The CORS policies of one resource class, implemented by the class that cors-processor generates
 * for it ({@code ItemsResource_Cors} for {@code ItemsResource}).
 *
 * <p>Generated code is the only implementation; {@code CorsFeature} finds it through the index the
 * processor writes to {@value #INDEX}.
 */
public interface CorsBindings {

  /**
   * Class-path resource listing, one per line, {@code <resource class> <generated class>} as
   * binary names. Every compilation that runs the processor writes one.
   */
  String INDEX = "META-INF/corsgen/index";

  /**
   * The policy of a resource method, identified by its {@linkplain MethodKey key}; empty when no
   * policy covers that method (or it is not a resource method).
   */
  default Optional<CorsPolicy> policyFor(String methodKey) {
    return Optional.ofNullable(policyOrNull(methodKey));
  }

  /**
   * What generated code implements for {@link #policyFor}: the policy, or {@code null}.
   *
   * <p>A {@code switch} whose arms are plain constants, because one whose arms each call the
   * generic {@code Optional.of} costs javac a type inference per arm: in a build of 1,000
   * resources that was two thirds of the time javac spent compiling the generated code.
   */
  CorsPolicy policyOrNull(String methodKey);
}
