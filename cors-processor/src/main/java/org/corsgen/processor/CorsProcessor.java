package org.corsgen.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.diagnostics.Printer;
import org.corsgen.processor.diagnostics.Report;
import org.corsgen.processor.validation.GeneratedNames;
import org.corsgen.processor.validation.ResourceValidator;
import org.corsgen.processor.writing.BindingsWriter;
import org.corsgen.processor.writing.IndexWriter;
import org.corsgen.processor.writing.PolicyReportWriter;

/**
 * The corsgen annotation processor. Each round it hands every resource class to the
 * {@link ResourceValidator} (root resources, and classes without {@code @Path} that locators may
 * return and that have a {@code @Cors} in effect), prints the report, and generates code for the
 * classes whose report is clean; when processing is over it writes the index the runtime reads.
 */
@AutoService(Processor.class)
public final class CorsProcessor extends AbstractProcessor {

  private static final String CORS = "org.corsgen.Cors";

  private ResourceValidator validator;
  private BindingsWriter writer;
  private Printer printer;
  private final IndexWriter index = new IndexWriter();
  private Deferral deferral;
  private final GeneratedNames generatedNames =
      new GeneratedNames(BindingsWriter.CORS_BINDINGS_NAME);
  private final PolicyReportWriter policyReport = new PolicyReportWriter();
  private final EarlierBuild earlierBuild = new EarlierBuild();
  private boolean firstRound = true;
  /** Set once the compilation's source version has been reported as too old to generate for. */
  private boolean sourceVersionReported;
  /** Whether resources of the last build are in the class output but not on the class path. */
  private boolean classPathIncomplete;
  /** Every resource validated in this compilation, so that none is written twice. */
  private final Set<String> processed = new HashSet<>();
  /** The resources of every round so far, which may inherit a supertype's {@code @Cors}. */
  private final Set<TypeElement> allResources = new LinkedHashSet<>();
  /** {@code @Cors} whose placement is checked once no subtype of its class waits. */
  private final Set<Element> placementWaiting = new LinkedHashSet<>();
  /** Resources validated this round, written together when it ends. */
  private final List<BindingsWriter.Bindings> validated = new ArrayList<>();

  /**
   * Every type, not only {@code @Cors} and {@code @Path}: a partial rebuild may recompile only a
   * class that carries neither, one whose {@code @Path} is on its interface and whose
   * {@code @Cors} was just removed, and javac calls no processor for a round without their
   * annotations; the index would then keep the policy. corsgen claims nothing, so other
   * processors see every annotation as before.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
    super.init(env);
    validator = new ResourceValidator(env);
    deferral = new Deferral(validator, env.getTypeUtils());
    writer = new BindingsWriter(CorsProcessor.class.getName());
    printer = new Printer(env.getMessager());
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      writeAggregates();
      return false;
    }
    generatedNames.see(ElementFilter.typesIn(round.getRootElements()));
    printer.see(ElementFilter.typesIn(round.getRootElements()));
    // Every type of the round, not only those annotated with @Path: Jersey also serves a class
    // that inherits its @Path from a superclass or an interface.
    Set<TypeElement> candidates = new LinkedHashSet<>();
    addTypes(ElementFilter.typesIn(round.getRootElements()), candidates);
    if (firstRound) {
      firstRound = false;
      candidates.addAll(earlierBuild.resources(round, processingEnv, validator));
      earlierBuild.stillWithoutPolicies().forEach(index::addWithoutPolicy);
      checkClassPath();
    }
    Set<TypeElement> resumed = deferral.resume(processingEnv.getElementUtils());
    candidates.addAll(resumed);
    Set<TypeElement> resources = deferral.readyResources(candidates);
    Set<TypeElement> known = new LinkedHashSet<>(allResources);
    known.addAll(resources);
    // In name order, not javac's (the order of its file arguments, which builds do not fix): the
    // second of two conflicting classes is the one reported.
    boolean rootsAtDoubledSlash = known.stream().anyMatch(validator::isRootAtDoubledSlash);
    resources.stream()
        .sorted(Comparator.comparing(type -> type.getQualifiedName().toString()))
        .forEach(type -> process(type, validator.isBaseOfRoot(type, known), rootsAtDoubledSlash));
    writeRound();
    checkPlacement(round, resumed, resources);
    return false;
  }

  /**
   * Checks each {@code @Cors} of the round, and of the classes no longer waiting, that is not in
   * a resource class: where it is written, and for one on a supertype its own values. Those in a
   * class still waiting are checked once it is complete, those in a supertype of one once no
   * subtype waits (it may turn out to be a resource that inherits them), and those that name
   * constants not generated yet once they are.
   */
  private void checkPlacement(RoundEnvironment round, Set<TypeElement> resumed,
      Set<TypeElement> resources) {
    allResources.addAll(resources);
    TypeElement cors = processingEnv.getElementUtils().getTypeElement(CORS);
    if (cors == null) {
      return;
    }
    Set<Element> annotated = new LinkedHashSet<>(placementWaiting);
    placementWaiting.clear();
    annotated.addAll(round.getElementsAnnotatedWith(cors));
    for (TypeElement type : resumed) {
      if (!deferral.isWaiting(type)) {
        annotated.addAll(validator.corsAnnotated(type));
      }
    }
    for (Element element : annotated) {
      TypeElement type = element instanceof TypeElement t
          ? t
          : (TypeElement) element.getEnclosingElement();
      if (deferral.isWaiting(type)) {
        continue;
      }
      // Its own values are checked too, once the constants they name exist.
      if (deferral.hasWaitingSubtype(type) || !validator.isCorsResolved(element)) {
        placementWaiting.add(element);
      } else {
        guarded(element, () -> printer.print(validator.validatePlacement(element, allResources)));
      }
    }
  }

  private static void addTypes(Iterable<TypeElement> types, Set<TypeElement> all) {
    for (TypeElement type : types) {
      all.add(type);
      addTypes(ElementFilter.typesIn(type.getEnclosedElements()), all);
    }
  }

  private void process(TypeElement resource, boolean baseOfRoot, boolean rootsAtDoubledSlash) {
    String name = resource.getQualifiedName().toString();
    if (!processed.add(name)) {
      if (!earlierBuild.takeGeneratedAgain(resource)) {
        return;
      }
      // What its class file gave is taken back: the source may have another policy, or none.
      validator.forget(resource);
      index.remove(binaryName(resource));
      policyReport.remove(binaryName(resource));
    }
    guarded(resource, () -> {
      ResourceValidator.Result result =
          validator.validate(resource, baseOfRoot, rootsAtDoubledSlash, earlierBuild::isWithin);
      printer.print(earlierBuild.isReadBack(resource)
          ? result.report().errors() : result.report());
      if (result.resource().isPresent()) {
        Report names = generatedNames.claim(result.resource().get(), resource);
        printer.print(names);
        if (names.isClean()) {
          validated.add(new BindingsWriter.Bindings(result.resource().get(), resource));
        } else {
          keepAsListed(resource);
        }
      } else if (result.report().isClean()) {
        // No code written: the same class generated again as source by another processor, in a
        // later round, may have a policy by then, and must be processed then.
        processed.remove(name);
        if (hasSupertypes(resource)) {
          index.addWithoutPolicy(binaryName(resource), resource);
        }
      } else {
        keepAsListed(resource);
      }
    });
  }

  /**
   * Resources of the last build whose class files are in the class output but not on this
   * compilation's class path cannot be generated again with it, and their package's generated
   * class, written again without them, would leave them without CORS: an error, and nothing
   * written, so that the last build's index and classes stay as they were.
   */
  private void checkClassPath() {
    Set<String> unseen = earlierBuild.unseen();
    if (!unseen.isEmpty()) {
      classPathIncomplete = true;
      processingEnv.getMessager().printMessage(Message.OUTPUT_NOT_ON_CLASS_PATH.kind(),
          Message.OUTPUT_NOT_ON_CLASS_PATH.format(String.join(", ", unseen)));
    }
  }

  /**
   * A resource read back from its class file that fails now (a conflict or a name clash with a
   * class compiled now, say) stays listed as the last build listed it, so that the partial
   * rebuild after the fix, which reads back only what the index names, checks it again. Some
   * compilers (Eclipse's) write class files despite errors.
   */
  private void keepAsListed(TypeElement resource) {
    if (!earlierBuild.isReadBack(resource)) {
      return;
    }
    String binaryName = binaryName(resource);
    earlierBuild.earlierGenerated(binaryName).ifPresentOrElse(
        generated -> index.add(binaryName, generated, resource),
        () -> index.addWithoutPolicy(binaryName, resource));
  }

  private String binaryName(TypeElement type) {
    return processingEnv.getElementUtils().getBinaryName(type).toString();
  }

  /** Whether a type other than itself could give {@code resource} a policy. */
  private static boolean hasSupertypes(TypeElement resource) {
    return !resource.getInterfaces().isEmpty()
        || resource.getSuperclass() instanceof DeclaredType superclass
        && !((TypeElement) superclass.asElement()).getQualifiedName()
            .contentEquals("java.lang.Object");
  }

  /**
   * One class per package, or a few for a very large one, for the resources this round validated;
   * see {@link BindingsWriter}.
   */
  private void writeRound() {
    List<List<BindingsWriter.Bindings>> classes = BindingsWriter.classesOf(validated);
    validated.clear();
    if (classPathIncomplete) {
      return;
    }
    if (!classes.isEmpty() && !canGenerate(BindingsWriter.first(classes.get(0)).element())) {
      return;
    }
    for (List<BindingsWriter.Bindings> group : classes) {
      TypeElement first = BindingsWriter.first(group).element();
      guarded(first, () -> {
        Elements elements = processingEnv.getElementUtils();
        ClassName generated = BindingsWriter.className(group);
        Report name = generatedNames.claimClass(generated.reflectionName(), first, elements);
        printer.print(name);
        if (!name.isClean()) {
          group.forEach(bindings -> keepAsListed(bindings.element()));
          return;
        }
        ClassName named = generated;
        if (generatedNames.isAnotherOutputs(named.reflectionName(), elements,
            processingEnv.getFiler())) {
          generated = renamed(named, elements, true).orElse(named);
        }
        try {
          BindingsWriter.writeTo(writer.write(group, generated, elements),
              processingEnv.getFiler());
        } catch (FilerException refused) {
          // Eclipse's batch compiler will not create a type its class path has, as a partial
          // rebuild's class path has the earlier build's generated classes (javac's Filer
          // rewrites them); and no Filer writes a class twice, as for a resource read back in
          // the first round that another processor generates again. The index then names a
          // class of a new name.
          generated = renamed(named, elements, false).orElseThrow(() -> refused);
          try {
            BindingsWriter.writeTo(writer.write(group, generated, elements),
                processingEnv.getFiler());
          } catch (IOException again) {
            again.addSuppressed(refused);
            throw again;
          }
        }
        for (BindingsWriter.Bindings bindings : group) {
          index.add(bindings.resource().binaryName(), generated.reflectionName(),
              bindings.element());
          policyReport.add(bindings.resource(), bindings.element());
        }
      });
    }
  }

  /** A new name for the class that would have been {@code taken}, claimed; see GeneratedNames. */
  private Optional<ClassName> renamed(ClassName taken, Elements elements, boolean rewrite) {
    return generatedNames.claimInsteadOfEarlier(taken.reflectionName(), elements,
            processingEnv.getFiler(), rewrite)
        .map(claimed -> taken.peerClass(claimed.substring(claimed.lastIndexOf('.') + 1)));
  }

  /**
   * Whether the compilation's source version has what the generated code uses (switch
   * expressions, among others) and cors-runtime's class files need. Without it javac would report
   * errors inside the generated files, which the user did not write; once is enough to say so.
   */
  private boolean canGenerate(TypeElement first) {
    SourceVersion version = processingEnv.getSourceVersion();
    if (version.compareTo(SourceVersion.RELEASE_17) >= 0) {
      return true;
    }
    if (!sourceVersionReported) {
      sourceVersionReported = true;
      Report report = new Report();
      report.report(Message.SOURCE_VERSION, first, first,
          version.name().substring("RELEASE_".length()));
      printer.print(report);
    }
    return false;
  }

  /**
   * The index and the policy report cover the whole compilation, so they are written last. An
   * earlier index is overwritten even when nothing is left to list: kept, it would still bind
   * resources that no longer have {@code @Cors} to the old generated classes.
   */
  private void writeAggregates() {
    if (sourceVersionReported || classPathIncomplete) {
      return;
    }
    try {
      if (!index.isEmpty() || !earlierBuild.indexedResources().isEmpty()) {
        index.write(processingEnv.getFiler(), earlierBuild.indexedResources());
        policyReport.write(processingEnv.getFiler());
      }
      index.writeWithoutPolicies(processingEnv.getFiler(),
          earlierBuild.hadResourcesWithoutPolicies());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e instanceof FilerException
          ? Message.UNEXPECTED.format("META-INF/corsgen", summary(e))
          : Message.WRITE_FAILED.format("the compilation (META-INF/corsgen)", e));
    }
  }

  /** A step that may write files. */
  private interface Step {
    void run() throws IOException;
  }

  /**
   * Runs a step so that nothing escapes to javac: a failure becomes one error on the element being
   * processed, and the other classes carry on. A file that cannot be written (a full disk) is the
   * build's problem, not corsgen's; but the Filer refusing a name is corsgen's.
   */
  private void guarded(Element element, Step step) {
    Report report = new Report();
    try {
      step.run();
    } catch (IOException e) {
      if (e instanceof FilerException) {
        report.report(Message.UNEXPECTED, element, element, summary(e));
      } else {
        report.report(Message.WRITE_FAILED, element, element, e);
      }
    } catch (Exception | LinkageError | AssertionError e) {
      report.report(Message.UNEXPECTED, element, element, summary(e));
    }
    printer.print(report);
  }

  /**
   * The exception, where it was thrown and the corsgen code it came through, with the same for
   * its causes: one line that makes a bug report, where a whole stack trace would bury the
   * compilation's other diagnostics.
   */
  static String summary(Throwable e) {
    StringBuilder summary = new StringBuilder();
    int depth = 0;
    for (Throwable t = e; t != null && depth++ < 5; t = t.getCause()) {
      if (t != e) {
        summary.append(", caused by ");
      }
      summary.append(t);
      StackTraceElement[] trace = t.getStackTrace();
      if (trace.length > 0) {
        summary.append(" at ").append(trace[0]);
        for (StackTraceElement frame : trace) {
          if (frame.getClassName().startsWith("org.corsgen.")) {
            if (frame != trace[0]) {
              summary.append(" from ").append(frame);
            }
            break;
          }
        }
      }
    }
    return summary.toString();
  }
}
