package org.corsgen.runtime.spi;

/**
 * The CORS policies of the resource classes of one package, implemented by the class that
 * cors-processor generates for them ({@code Cors_ItemsResource} for {@code ItemsResource} and the
 * other resources of its package that the same round of processing saw).
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
   * The policy of a resource method, or {@code null} when no policy covers it (or it is not a
   * resource method).
   *
   * <p>{@code null} rather than {@code Optional}, and a {@code switch} whose arms are plain
   * constants: arms that each call the generic {@code Optional.of} cost javac a type inference per
   * arm, which in a build of 1,000 resources was two thirds of the time javac spent compiling the
   * generated code.
   *
   * @param resourceClass the binary name of a resource class listed in the index for this class
   * @param methodKey the resource method's {@linkplain MethodKey key}
   */
  CorsPolicy policyOrNull(String resourceClass, String methodKey);
}
