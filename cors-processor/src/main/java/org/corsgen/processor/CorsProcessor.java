package org.corsgen.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
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
 * The corsgen annotation processor. Each round it hands every root resource class to the
 * {@link ResourceValidator}, prints the report, and generates code for the classes whose report is
 * clean; when processing is over it writes the index the runtime reads.
 */
@AutoService(Processor.class)
public final class CorsProcessor extends AbstractProcessor {

  private static final String CORS = "org.corsgen.Cors";
  private static final String PATH = "jakarta.ws.rs.Path";

  private ResourceValidator validator;
  private BindingsWriter writer;
  private Printer printer;
  private final IndexWriter index = new IndexWriter();
  private final Set<String> deferred = new LinkedHashSet<>();
  private final GeneratedNames generatedNames = new GeneratedNames();
  private final PolicyReportWriter policyReport = new PolicyReportWriter();
  private final EarlierBuild earlierBuild = new EarlierBuild();
  private boolean firstRound = true;
  /** Every resource validated in this compilation, so that none is written twice. */
  private final Set<String> processed = new HashSet<>();
  /** Resources validated this round, written together when it ends. */
  private final List<BindingsWriter.Bindings> validated = new ArrayList<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(CORS, PATH);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
    super.init(env);
    validator = new ResourceValidator(env);
    writer = new BindingsWriter(CorsProcessor.class.getName());
    printer = new Printer(env.getMessager());
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      writeAggregates();
      return false;
    }
    // Every type of the round, not only those annotated with @Path: Jersey also serves a class
    // that inherits its @Path from a superclass or an interface.
    Set<TypeElement> roots = new LinkedHashSet<>();
    addRootResources(ElementFilter.typesIn(round.getRootElements()), roots);
    if (firstRound) {
      firstRound = false;
      roots.addAll(earlierBuild.resources(round, processingEnv, validator));
    }
    for (String name : deferred) {
      roots.add(processingEnv.getElementUtils().getTypeElement(name));
    }
    deferred.clear();
    for (TypeElement root : roots) {
      if (validator.isComplete(root)) {
        process(root);
      } else {
        // A parameter type or @Cors value another processor has yet to generate: the method key
        // or the policy would be wrong now, so wait for the round that generates it. If it never
        // comes, javac reports the missing name itself.
        deferred.add(root.getQualifiedName().toString());
      }
    }
    writeRound();
    TypeElement cors = processingEnv.getElementUtils().getTypeElement(CORS);
    if (cors != null) {
      for (Element annotated : round.getElementsAnnotatedWith(cors)) {
        guarded(annotated, () -> printer.print(validator.validatePlacement(annotated, roots)));
      }
    }
    return false;
  }

  private void addRootResources(Iterable<TypeElement> types, Set<TypeElement> roots) {
    for (TypeElement type : types) {
      if (validator.isRootResource(type)) {
        roots.add(type);
      }
      addRootResources(ElementFilter.typesIn(type.getEnclosedElements()), roots);
    }
  }

  private void process(TypeElement resource) {
    if (!processed.add(resource.getQualifiedName().toString())) {
      // Read back from its class file in the first round, and now generated again as source by
      // another processor: its code is written already, and a second class would clash.
      return;
    }
    guarded(resource, () -> {
      ResourceValidator.Result result = validator.validate(resource);
      printer.print(earlierBuild.isReadBack(resource)
          ? result.report().errors() : result.report());
      if (result.resource().isPresent()) {
        Report names = generatedNames.claim(result.resource().get(), resource);
        printer.print(names);
        if (names.isClean()) {
          validated.add(new BindingsWriter.Bindings(result.resource().get(), resource));
        }
      }
    });
  }

  /**
   * One class per package, or a few for a very large one, for the resources this round validated;
   * see {@link BindingsWriter}.
   */
  private void writeRound() {
    List<List<BindingsWriter.Bindings>> classes = BindingsWriter.classesOf(validated);
    validated.clear();
    for (List<BindingsWriter.Bindings> group : classes) {
      guarded(group.get(0).element(), () -> {
        BindingsWriter.writeTo(writer.write(group, processingEnv.getElementUtils()),
            processingEnv.getFiler());
        String generated = BindingsWriter.className(group).reflectionName();
        for (BindingsWriter.Bindings bindings : group) {
          index.add(bindings.resource().binaryName(), generated, bindings.element());
          policyReport.add(bindings.resource(), bindings.element());
        }
      });
    }
  }

  /**
   * The index and the policy report cover the whole compilation, so they are written last. An
   * earlier index is overwritten even when nothing is left to list: kept, it would still bind
   * resources that no longer have {@code @Cors} to the old generated classes.
   */
  private void writeAggregates() {
    if (index.isEmpty() && !earlierBuild.hadIndex()) {
      return;
    }
    try {
      index.write(processingEnv.getFiler());
      policyReport.write(processingEnv.getFiler());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Message.UNEXPECTED.format("META-INF/corsgen", e));
    }
  }

  /** A step that may write files. */
  private interface Step {
    void run() throws IOException;
  }

  /**
   * Runs a step so that nothing escapes to javac: an unexpected failure becomes one error on the
   * element being processed, and the other classes carry on.
   */
  private void guarded(Element element, Step step) {
    try {
      step.run();
    } catch (Exception | LinkageError | AssertionError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      Report report = new Report();
      report.report(Message.UNEXPECTED, element, element, trace);
      printer.print(report);
    }
  }
}
