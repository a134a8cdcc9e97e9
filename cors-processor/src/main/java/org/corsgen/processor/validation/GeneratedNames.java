package org.corsgen.processor.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
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
  /** The top-level classes of the compilation that corsgen did not generate. */
  private final Set<String> othersClasses = new HashSet<>();
  private final Set<String> generatedClasses = new HashSet<>();
  private final String bindingsInterface;

  /** @param bindingsInterface the interface every generated class implements, and only those */
  public GeneratedNames(String bindingsInterface) {
    this.bindingsInterface = bindingsInterface;
  }

  /** Records the classes of a round, which include those corsgen generated in the one before. */
  public void see(Iterable<TypeElement> roundTypes) {
    for (TypeElement type : roundTypes) {
      String name = type.getQualifiedName().toString();
      if (!generatedClasses.contains(name)) {
        othersClasses.add(name);
      }
    }
  }

  /**
   * Claims the name of the class generated for a package's resources, {@code first} the one it is
   * named after. javac's Filer refuses a name the compilation's sources already have, as an
   * application's own {@code Cors_Res} beside {@code Res}; the report says so instead.
   */
  public Report claimClass(String generated, TypeElement first, Elements elements) {
    Report report = new Report();
    if (othersClasses.contains(generated) || isOthersClassFile(generated, elements)) {
      report.report(Message.GENERATED_CLASS_TAKEN, first, first.getQualifiedName(), generated);
    } else {
      generatedClasses.add(generated);
    }
    return report;
  }

  /**
   * A name for the class that {@code refused} would have been, where a class corsgen generated
   * has that name already (an earlier build's, another output's, or one generated earlier in this
   * compilation), claimed: {@code refused} with the first free count appended. The earlier class
   * stays where it is, unused, since the index names the new one; empty when {@code refused} is
   * no class of corsgen's.
   *
   * @param rewrite whether a class the last build of this output generated may be written again
   *     under its name (javac's Filer rewrites one, Eclipse's refuses), so that the count does not
   *     grow from build to build
   */
  public Optional<String> claimInsteadOfEarlier(String refused, Elements elements,
      Filer filer, boolean rewrite) {
    TypeElement earlier = elements.getTypeElement(refused);
    if (earlier == null || !isGenerated(earlier)) {
      return Optional.empty();
    }
    for (int count = 2; count < 10_000; count++) {
      String candidate = refused + "_" + count;
      if (othersClasses.contains(candidate) || generatedClasses.contains(candidate)) {
        continue;
      }
      TypeElement existing = elements.getTypeElement(candidate);
      if (existing == null
          || rewrite && isGenerated(existing) && isThisOutputs(candidate, filer)) {
        generatedClasses.add(candidate);
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a class corsgen generated has the name {@code generated} on the class path but is not
   * in this compilation's class output: another output's, as the main classes are beside the test
   * classes of one package, or a jar's. A class of this output of that name would shadow it, or
   * be shadowed, whichever comes first on the class path.
   */
  public boolean isAnotherOutputs(String generated, Elements elements, Filer filer) {
    TypeElement existing = elements.getTypeElement(generated);
    return existing != null && isGenerated(existing) && !isThisOutputs(generated, filer);
  }

  /**
   * Whether the last build of this output generated {@code generated}: its class file is there,
   * or its source, which a build may put on the source path after deleting the class files
   * (Maven's compiler plugin before 3.13).
   */
  private static boolean isThisOutputs(String generated, Filer filer) {
    return Outputs.hasClassFile(filer, generated) || Outputs.hasSource(filer, generated);
  }

  /**
   * Claims the name of {@code resource}; the report holds an error when another resource has it.
   */
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

  /**
   * Whether a class of that name is on the class path, or in the output of an earlier build, and
   * is not a class corsgen generated: only corsgen's implement {@code CorsBindings}. A partial
   * rebuild would otherwise overwrite the application's class without a word.
   */
  private boolean isOthersClassFile(String generated, Elements elements) {
    if (generatedClasses.contains(generated)) {
      return false;
    }
    TypeElement existing = elements.getTypeElement(generated);
    return existing != null && !isGenerated(existing);
  }

  /** Whether corsgen generated {@code type}: only its classes implement {@code CorsBindings}. */
  private boolean isGenerated(TypeElement type) {
    return type.getInterfaces().stream()
        .anyMatch(implemented -> implemented.toString().equals(bindingsInterface));
  }
}
