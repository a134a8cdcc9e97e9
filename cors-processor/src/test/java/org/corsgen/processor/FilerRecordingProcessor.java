package org.corsgen.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Runs a processor with a {@link Filer} that remembers the source files it creates: compile-testing
 * hides generated files once a compilation has failed, yet a failing compilation must still
 * generate the code of its clean classes. It can also fail on purpose for some names, as a full
 * disk or a bug would.
 */
final class FilerRecordingProcessor implements Processor {

  private final Processor delegate;
  private final Predicate<String> failing;
  private final Exception failure;
  private final List<String> createdSources = new ArrayList<>();
  private final List<String> createdResources = new ArrayList<>();

  FilerRecordingProcessor(Processor delegate) {
    this(delegate, name -> false, null);
  }

  /**
   * Throws {@code failure} from {@link Filer#createSourceFile} for the names {@code failing}
   * accepts.
   */
  FilerRecordingProcessor(Processor delegate, Predicate<String> failing, Exception failure) {
    this.delegate = delegate;
    this.failing = failing;
    this.failure = failure;
  }

  /** The names passed to {@link Filer#createSourceFile}, in order. */
  List<String> createdSources() {
    return List.copyOf(createdSources);
  }

  /** The relative names passed to {@link Filer#createResource}, in order. */
  List<String> createdResources() {
    return List.copyOf(createdResources);
  }

  @Override
  public void init(ProcessingEnvironment env) {
    delegate.init(proxy(ProcessingEnvironment.class, env, (method, args) ->
        method.getName().equals("getFiler") ? proxy(Filer.class, env.getFiler(), (m, a) -> {
          if (m.getName().equals("createSourceFile")) {
            if (failing.test(a[0].toString())) {
              // Unwrapped by proxy(), so the Filer's caller sees the failure itself.
              throw new InvocationTargetException(failure);
            }
            createdSources.add(a[0].toString());
          } else if (m.getName().equals("createResource")) {
            createdResources.add(a[2].toString());
          }
          return m.invoke(env.getFiler(), a);
        }) : method.invoke(env, args)));
  }

  private interface Forward {
    Object call(Method method, Object[] args) throws ReflectiveOperationException;
  }

  private static <T> T proxy(Class<T> type, T target, Forward forward) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (self, method, args) -> {
          try {
            return forward.call(method, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(Element element,
      AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }
}
