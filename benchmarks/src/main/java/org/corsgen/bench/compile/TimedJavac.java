package org.corsgen.bench.compile;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.ServiceLoader;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a corpus in-process with the corsgen processor from its shaded jar wrapped so that the
 * time spent inside the processor (init and every round) is counted. One compilation per JVM,
 * like {@code javac}; prints {@code processorNanos=<n> processorCpuNanos=<n> compileNanos=<n>}.
 * The CPU time is the compiling thread's alone (not the JIT's or the collector's): on a machine
 * that others share, it moves far less than the wall time when they run something.
 *
 * <pre>TimedJavac &lt;processor jar&gt; &lt;class path&gt; &lt;output dir&gt; &lt;sources file&gt;</pre>
 */
public final class TimedJavac {

  private TimedJavac() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path processorJar = Path.of(args[0]);
    String classpath = args[1];
    Path out = Path.of(args[2]);
    List<File> sources = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .map(File::new)
        .toList();
    URLClassLoader loader = new URLClassLoader(new URL[] {processorJar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    Processor corsgen = ServiceLoader.load(Processor.class, loader).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.getClass().getName().equals("org.corsgen.processor.CorsProcessor"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no CorsProcessor in " + processorJar));
    Timed timed = new Timed(corsgen);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null,
        StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null,
          List.of("-d", out.toString(), "-cp", classpath, "-encoding", "UTF-8"), null,
          files.getJavaFileObjectsFromFiles(sources));
      task.setProcessors(List.of(timed));
      if (!task.call()) {
        System.exit(1);
      }
    }
    System.out.println("processorNanos=" + timed.nanos + " processorCpuNanos=" + timed.cpuNanos
        + " compileNanos="
        + (System.nanoTime() - start));
  }

  /** Delegates to the processor and adds up the time spent in it. */
  private static final class Timed implements Processor {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Processor delegate;
    long nanos;
    long cpuNanos;

    Timed(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<String> getSupportedOptions() {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      try {
        return delegate.getSupportedOptions();
      } finally {
        nanos += System.nanoTime() - start;
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
      }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      try {
        return delegate.getSupportedAnnotationTypes();
      } finally {
        nanos += System.nanoTime() - start;
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
      }
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      try {
        return delegate.getSupportedSourceVersion();
      } finally {
        nanos += System.nanoTime() - start;
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
      }
    }

    @Override
    public void init(ProcessingEnvironment env) {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      try {
        delegate.init(env);
      } finally {
        nanos += System.nanoTime() - start;
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
      }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        nanos += System.nanoTime() - start;
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element,
        AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
