package org.corsgen.bench.compile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits the execution samples of a {@code javac} run's main thread, recorded by JFR, into the
 * phases of a compilation. This is the profile behind part 3: it shows which of the time a
 * processor adds is javac entering every tree again for each further round, which is the
 * processor's own code, and which is compiling what it generated.
 *
 * <p>A sample whose stack holds a frame of the processor is the processor's; any other is put in
 * the compiler phase it ran under, so a class read from the class path counts in the phase that
 * needed it, and so does the attribution and flow analysis that desugaring asks for the classes
 * a class depends on. A truncated stack without a processor frame counts as "the rest": the
 * recording asks for deep stacks.
 */
final class JavacPhases {

  /** Where a sample of javac's main thread was. */
  enum Phase {
    PROCESSOR("the processor's own code, with the javac model queries it makes"),
    REENTER("cleaning and entering every tree again for a later round or the final compile"),
    PARSE_GENERATED("parsing generated sources"),
    OTHER_PROCESSING("other annotation-processing work: finding processors, discovering"
        + " annotations, setting up rounds"),
    PARSE("parsing the sources"),
    ENTER("entering the trees (the first time)"),
    ATTRIBUTE("attribution"),
    FLOW("flow analysis and lint warnings"),
    DESUGAR("desugaring"),
    GENERATE("writing class files"),
    OTHER("start-up and the rest");

    final String meaning;

    Phase(String meaning) {
      this.meaning = meaning;
    }
  }

  private static final String PROCESSING_ENV =
      "com.sun.tools.javac.processing.JavacProcessingEnvironment";
  private static final String COMPILER = "com.sun.tools.javac.main.JavaCompiler";
  /** JavaCompiler's method that calls the phases rather than being one. */
  private static final String COMPILE_DRIVER = "compile";

  private final List<String> processorPackages;

  /**
   * @param processorPackages the class-name prefixes of the processor under test, whose frames
   *     make a sample the processor's
   */
  JavacPhases(List<String> processorPackages) {
    this.processorPackages = processorPackages;
  }

  /** Samples per phase of the thread named {@code main} in a recording. */
  Map<Phase, Integer> count(Path recording) throws IOException {
    Map<Phase, Integer> counts = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      counts.put(phase, 0);
    }
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getThread("sampledThread") == null
          || !"main".equals(event.getThread("sampledThread").getJavaName())) {
        continue;
      }
      counts.merge(classify(event.getStackTrace()), 1, Integer::sum);
    }
    return counts;
  }

  Phase classify(RecordedStackTrace stack) {
    if (stack == null) {
      return Phase.OTHER;
    }
    // JFR lists frames from the running method down to the thread's first; read them root first.
    List<RecordedFrame> frames = new ArrayList<>(stack.getFrames());
    Collections.reverse(frames);
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      for (String prefix : processorPackages) {
        if (type.startsWith(prefix)) {
          return Phase.PROCESSOR;
        }
      }
    }
    if (stack.isTruncated()) {
      return Phase.OTHER; // Without the thread's first frames, the phase is unknown.
    }
    int phaseAt = -1;
    for (int i = 0; i < frames.size() && phaseAt < 0; i++) {
      if (frames.get(i).getMethod().getType().getName().equals(COMPILER)
          && !frames.get(i).getMethod().getName().equals(COMPILE_DRIVER)) {
        phaseAt = i;
      }
    }
    if (phaseAt < 0) {
      return Phase.OTHER;
    }
    String phase = frames.get(phaseAt).getMethod().getName();
    if (phase.equals("processAnnotations") || phase.equals("initProcessAnnotations")) {
      return processingPhase(frames.subList(phaseAt + 1, frames.size()));
    }
    return switch (phase) {
      case "parseFiles", "parse" -> Phase.PARSE;
      case "enterTrees", "initModules" -> Phase.ENTER;
      case "attribute" -> Phase.ATTRIBUTE;
      case "flow", "warn" -> Phase.FLOW;
      case "desugar" -> Phase.DESUGAR;
      case "generate", "genCode" -> Phase.GENERATE;
      default -> Phase.OTHER;
    };
  }

  /**
   * Inside annotation processing. The first round's trees were entered before it began; from
   * then on, javac enters trees only when it sets up a later round (parsing what was generated,
   * cleaning every tree and entering them all again) and once more for the final compile.
   */
  private static Phase processingPhase(List<RecordedFrame> above) {
    for (RecordedFrame frame : above) {
      String type = frame.getMethod().getType().getName();
      String method = frame.getMethod().getName();
      if (type.startsWith(PROCESSING_ENV)
          && (method.equals("newRound") || method.equals("finalCompiler"))) {
        return Phase.REENTER;
      }
      if (type.equals(COMPILER)) {
        return switch (method) {
          case "enterTrees", "initModules" -> Phase.REENTER;
          case "parseFiles", "parse" -> Phase.PARSE_GENERATED;
          default -> Phase.OTHER_PROCESSING;
        };
      }
    }
    return Phase.OTHER_PROCESSING;
  }
}
