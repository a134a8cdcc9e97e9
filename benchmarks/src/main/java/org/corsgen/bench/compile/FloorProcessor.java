package org.corsgen.bench.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The least a source-generating processor for JAX-RS resources can do: in its first round it
 * finds the {@code @Path} classes, as any such processor must, and writes one empty class per
 * package that has them. Measured beside {@code -proc:none} and corsgen, it shows what javac
 * charges any processor that generates sources (finding processors, and entering every tree again
 * for the round the new files start and for the final round) apart from what corsgen does.
 *
 * <p>With {@code -A}{@value #IDLE} it does nothing at all, not even look: what javac charges for
 * running a processor, any processor.
 *
 * <p>Run only through {@code -processor} by the compile-time part, never discovered.
 */
public final class FloorProcessor extends AbstractProcessor {

  /** The option that makes it idle. */
  static final String IDLE = "floor.idle";

  private boolean done;

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(IDLE);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("jakarta.ws.rs.Path", "org.corsgen.Cors");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done || round.processingOver() || processingEnv.getOptions().containsKey(IDLE)) {
      return false;
    }
    done = true;
    TypeElement path = processingEnv.getElementUtils().getTypeElement("jakarta.ws.rs.Path");
    Set<String> packages = new TreeSet<>();
    for (Element annotated : round.getElementsAnnotatedWith(path)) {
      if (annotated instanceof TypeElement type) {
        packages.add(processingEnv.getElementUtils().getPackageOf(type).getQualifiedName()
            .toString());
      }
    }
    for (String pkg : packages) {
      try (Writer out = processingEnv.getFiler().createSourceFile(pkg + ".Floor_").openWriter()) {
        out.write("package " + pkg + ";\n\nfinal class Floor_ {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}
