package org.corsgen.runtime.spi;

/**
 * The CORS policies of the resource classes of one package, implemented by the class that
 * cors-processor generates for them ({@code Cors_ItemsResource} for {@code ItemsResource} and the
 * other resources of its package that the same round of processing saw).
 *
 * <p>Generated code is the only implementation; {@code CorsFeature} finds it through the index the
 * processor writes: a file per package under {@value #PACKAGE_INDEX}.
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
   * Where the generated classes of one package's resources are named: this prefix, the package's
   * name with its dots as slashes and {@value #PACKAGE_INDEX_FILE}
   * ({@code META-INF/corsgen/packages/com/example/index.cors}; for the unnamed package
   * {@code META-INF/corsgen/packages/index.cors}) make a class-path resource listing, one per line,
   * {@code <resource class> <generated class>} as binary names (none, for a package whose
   * resources lost their policies). Every copy on the class path is read, so that the main and
   * the test classes of one package each bring their own.
   *
   * <p>A file per package, not only {@link #INDEX}: a jar merged from several (maven-shade, the
   * assembly plugin's jar-with-dependencies) keeps one file of each name, so one module's list
   * would replace another's, and that module's resources would lose CORS without a word. Not a
   * file per resource: javac checks every file a processor creates against every file of the
   * compilation, so 5,000 resource files doubled the processor's time in a build of 5,000
   * resources.
   */
  String PACKAGE_INDEX = "META-INF/corsgen/packages/";

  /**
   * The name of each package's file under {@link #PACKAGE_INDEX}; not a Java identifier, so it
   * cannot be the directory of a package.
   */
  String PACKAGE_INDEX_FILE = "index.cors";

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
