package org.corsgen.runtime.spi;

/**
 * The CORS policies of the resource classes of one package, implemented by the class that
 * cors-processor generates for them ({@code Cors_ItemsResource} for {@code ItemsResource} and the
 * other resources of its package that the same round of processing saw).
 *
 * <p>Generated code is the only implementation; {@code CorsFeature} finds it through the index the
 * processor writes: a file per resource under {@value #RESOURCE_INDEX}.
 */
public interface CorsBindings {

  /**
   * Class-path resource listing, one per line, {@code <resource class> <generated class>} as
   * binary names, every resource of a compilation: what a partial rebuild reads back, and how
   * {@code CorsFeature} tells a class path where the processor ran. Every compilation that runs
   * the processor writes one.
   */
  String INDEX = "META-INF/corsgen/index";

  /**
   * Where the generated class of one resource is named: this prefix and the resource's binary
   * name, its dots as slashes ({@code META-INF/corsgen/resources/com/example/Items$Sub}), make a
   * class-path resource whose first line that is not a {@code #} comment is the generated class's
   * binary name (none, for a resource that lost its policies). A file per resource, not only
   * {@link #INDEX}: a jar merged from several (maven-shade, the assembly plugin's
   * jar-with-dependencies) keeps one file of each name, so one module's list would replace
   * another's, and that module's resources would lose CORS without a word. A directory per
   * package, as class files have, so that no file name is longer than a class file's.
   */
  String RESOURCE_INDEX = "META-INF/corsgen/resources/";

  /**
   * What stands for the path of whichever locator returns a sub-resource, in the paths of its
   * methods: in the processor's policy report as in the start-up log.
   */
  String LOCATOR_PATH = "{locator}";

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
