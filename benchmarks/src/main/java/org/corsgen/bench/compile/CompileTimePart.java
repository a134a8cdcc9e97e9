package org.corsgen.bench.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.corsgen.bench.Command;
import org.corsgen.bench.report.Markdown;
import org.corsgen.bench.report.Sample;
import org.corsgen.bench.report.Section;
import org.corsgen.bench.report.Target;

/**
 * Part 3: {@code javac} on generated corpora with and without the processor (same class path,
 * {@code -proc:none} against the shaded processor jar on {@code -processorpath}), and with the
 * {@link FloorProcessor}, runs rotating so that all see the same conditions; and the processor's
 * own time, from {@link TimedJavac}.
 */
public final class CompileTimePart {

  /**
   * Corpus sizes, javac runs per mode and size, TimedJavac runs per size, and profiled javac runs
   * per mode at the size nearest 1,000.
   */
  public record Settings(List<Integer> sizes, int runs, int timedRuns, int profileRuns) {}

  /** Main-thread samples per phase and mode, added over {@code runs}, and rounds per mode. */
  private record Profile(int size, int runs, Map<Mode, Map<JavacPhases.Phase, Integer>> samples,
      Map<Mode, Integer> rounds) {}

  /** Measurements at one corpus size. */
  private record AtSize(int size, Sample without, Sample idle, Sample floor, Sample with,
      Sample ratio, Sample idleRatio, Sample floorRatio, Sample overFloor, Sample processor,
      Sample timedCompile) {}

  /**
   * How javac runs: no processing, a processor that does nothing, the floor processor, or
   * corsgen's processor.
   */
  private enum Mode { NONE, IDLE, FLOOR, CORSGEN }

  private final Settings settings;
  private final Path work;
  private final Path processorJar;
  private final String benchClasspath;
  private final String corpusClasspath;

  public CompileTimePart(Settings settings, Path work, Path processorJar, String benchClasspath) {
    this.settings = settings;
    this.work = work;
    this.processorJar = processorJar;
    this.benchClasspath = benchClasspath;
    this.corpusClasspath = corpusClasspath(benchClasspath);
  }

  /** The corpus needs the JAX-RS API, the annotation, and (for generated code) the runtime. */
  private static String corpusClasspath(String classpath) {
    List<String> needed = new ArrayList<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("jakarta.ws.rs-api-") || name.startsWith("cors-annotations-")
          || name.startsWith("cors-runtime-")) {
        needed.add(entry);
      }
    }
    if (needed.size() != 3) {
      throw new IllegalStateException("expected the JAX-RS API, cors-annotations and"
          + " cors-runtime jars on the class path, found " + needed);
    }
    return String.join(java.io.File.pathSeparator, needed);
  }

  public Section run() throws Exception {
    if (!Files.isRegularFile(processorJar)) {
      throw new IllegalStateException("no processor jar at " + processorJar);
    }
    List<AtSize> results = new ArrayList<>();
    int profiled = settings.sizes().stream()
        .min(Comparator.comparingInt(size -> Math.abs(size - 1000)))
        .orElseThrow();
    Profile profile = null;
    for (int size : settings.sizes()) {
      results.add(measure(size, results.isEmpty()));
      if (size == profiled && settings.profileRuns() > 0) {
        profile = profile(size);
      }
    }
    return report(results, profile);
  }

  /**
   * A corpus written to {@code dir}: the file listing its sources, where it compiles to, and how
   * many of its resources get generated code.
   */
  private record Corpus(Path dir, Path sources, Path out, int expected) {}

  private Corpus writeCorpus(int size) throws IOException {
    Path dir = work.resolve("corpus-" + size);
    delete(dir);
    List<Path> files = CorpusGenerator.write(size, dir.resolve("src"));
    Path sources = dir.resolve("sources.txt");
    Files.write(sources, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
    return new Corpus(dir, sources, dir.resolve("out"), CorpusGenerator.withCors(size));
  }

  private AtSize measure(int size, boolean first) throws Exception {
    Corpus corpus = writeCorpus(size);
    Path sources = corpus.sources();
    Path out = corpus.out();
    int expected = corpus.expected();

    // Before the first size, one untimed compilation of each kind warms file caches and the
    // JDK's class-data archive; later sizes find them warm.
    if (first) {
      for (Mode mode : Mode.values()) {
        javac(out, sources, mode, expected);
      }
    }
    Sample without = new Sample();
    Sample idle = new Sample();
    Sample floor = new Sample();
    Sample with = new Sample();
    Sample ratio = new Sample();
    Sample idleRatio = new Sample();
    Sample floorRatio = new Sample();
    Sample overFloor = new Sample();
    Mode[] modes = Mode.values();
    for (int run = 0; run < settings.runs(); run++) {
      // Rotate which mode goes first, and reverse the order every other run, so that no mode
      // always follows the same one (a rotation alone keeps each one's predecessor).
      double[] millis = new double[modes.length];
      for (int i = 0; i < modes.length; i++) {
        int step = run % 2 == 0 ? i : modes.length - 1 - i;
        Mode mode = modes[(run / 2 + step) % modes.length];
        millis[mode.ordinal()] = javac(out, sources, mode, expected);
      }
      double off = millis[Mode.NONE.ordinal()];
      double nothing = millis[Mode.IDLE.ordinal()];
      double least = millis[Mode.FLOOR.ordinal()];
      double on = millis[Mode.CORSGEN.ordinal()];
      without.add(off);
      idle.add(nothing);
      floor.add(least);
      with.add(on);
      ratio.add(on / off);
      idleRatio.add(nothing / off);
      floorRatio.add(least / off);
      overFloor.add(on / least);
      log(String.format(Locale.ROOT, "%d resources, run %d: -proc:none %.0f ms, idle processor"
          + " %.0f ms, floor processor %.0f ms, corsgen %.0f ms", size, run + 1, off, nothing, least,
          on));
    }
    Sample processor = new Sample();
    Sample timedCompile = new Sample();
    for (int run = 0; run < settings.timedRuns(); run++) {
      double[] timed = timedJavac(out, sources, expected);
      processor.add(timed[0]);
      timedCompile.add(timed[1]);
      log(String.format(Locale.ROOT, "%d resources, in-process run %d: processor %.0f ms of %.0f"
          + " ms", size, run + 1, timed[0], timed[1]));
    }
    delete(corpus.dir());
    return new AtSize(size, without, idle, floor, with, ratio, idleRatio, floorRatio, overFloor,
        processor, timedCompile);
  }

  /** Wall milliseconds of one {@code javac} process. */
  private double javac(Path out, Path sources, Mode mode, int expected) throws Exception {
    // Made first: it empties the output directory, which is not javac's time.
    List<String> command = command(out, sources, mode, List.of());
    long start = System.nanoTime();
    Command.run(command);
    double millis = (System.nanoTime() - start) / 1e6;
    checkGenerated(out, mode == Mode.CORSGEN ? expected : 0);
    return millis;
  }

  /** A {@code javac} command line for a mode, with {@code extra} options before the sources. */
  private List<String> command(Path out, Path sources, Mode mode, List<String> extra)
      throws Exception {
    delete(out);
    Files.createDirectories(out);
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command = new ArrayList<>(List.of(javac.toString(), "-d", out.toString(),
        "-cp", corpusClasspath, "-encoding", "UTF-8"));
    switch (mode) {
      case NONE -> command.add("-proc:none");
      case IDLE -> command.addAll(List.of("-processorpath", floorProcessorPath(),
          "-processor", FloorProcessor.class.getName(), "-A" + FloorProcessor.IDLE));
      case FLOOR -> command.addAll(List.of("-processorpath", floorProcessorPath(),
          "-processor", FloorProcessor.class.getName()));
      case CORSGEN -> command.addAll(List.of("-processorpath", processorJar.toString()));
    }
    command.addAll(extra);
    command.add("@" + sources);
    return command;
  }

  /**
   * Where the main thread of javac spends its time in each mode, from JFR's execution samples
   * (one a millisecond, deep stacks), added up over {@link Settings#profileRuns()} runs; and how
   * many processing rounds javac ran ({@code -XprintRounds}).
   */
  private Profile profile(int size) throws Exception {
    Corpus corpus = writeCorpus(size);
    Path sources = corpus.sources();
    Path out = corpus.out();
    int expected = corpus.expected();
    Path jfc = work.resolve("samples.jfc");
    Files.writeString(jfc, """
        <?xml version="1.0" encoding="UTF-8"?>
        <configuration version="2.0" label="execution samples">
          <event name="jdk.ExecutionSample">
            <setting name="enabled">true</setting>
            <setting name="period">1 ms</setting>
          </event>
        </configuration>
        """);
    JavacPhases phases = new JavacPhases(List.of("org.corsgen.processor.",
        FloorProcessor.class.getName()));
    Map<Mode, Map<JavacPhases.Phase, Integer>> samples = new EnumMap<>(Mode.class);
    Map<Mode, Integer> rounds = new EnumMap<>(Mode.class);
    Mode[] modes = Mode.values();
    for (int run = 0; run < settings.profileRuns(); run++) {
      for (int i = 0; i < modes.length; i++) {
        Mode mode = modes[(run + i) % modes.length];
        Path recording = work.resolve("javac-" + mode + ".jfr");
        String output = Command.run(command(out, sources, mode, List.of(
            "-J-XX:FlightRecorderOptions:stackdepth=2048",
            "-J-XX:StartFlightRecording:filename=" + recording + ",settings=" + jfc,
            "-XprintRounds")));
        checkGenerated(out, mode == Mode.CORSGEN ? expected : 0);
        rounds.put(mode, (int) output.lines().filter(line -> line.matches("Round \\d+:")).count());
        phases.count(recording).forEach((phase, count) ->
            samples.computeIfAbsent(mode, m -> new EnumMap<>(JavacPhases.Phase.class))
                .merge(phase, count, Integer::sum));
        Files.delete(recording);
      }
      log(String.format(Locale.ROOT, "%d resources, profiled run %d of javac's phases", size,
          run + 1));
    }
    delete(corpus.dir());
    Files.delete(jfc);
    return new Profile(size, settings.profileRuns(), samples, rounds);
  }

  /** Where {@link FloorProcessor} was loaded from: this module's classes. */
  private static String floorProcessorPath() throws Exception {
    return Path.of(FloorProcessor.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()).toString();
  }

  /** {processor ms, whole process ms} of one {@link TimedJavac} run. */
  private double[] timedJavac(Path out, Path sources, int expected) throws Exception {
    delete(out);
    Files.createDirectories(out);
    Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
    long start = System.nanoTime();
    String output = Command.run(List.of(launcher.toString(), "-cp", benchClasspath,
        TimedJavac.class.getName(), processorJar.toString(), corpusClasspath, out.toString(),
        sources.toString()));
    double wall = (System.nanoTime() - start) / 1e6;
    Matcher matcher = Pattern.compile("processorNanos=(\\d+)").matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("TimedJavac printed no timing:\n" + output);
    }
    checkGenerated(out, expected);
    return new double[] {Long.parseLong(matcher.group(1)) / 1e6, wall};
  }

  /** The index lists {@code expected} resources, and the classes it names were compiled. */
  private static void checkGenerated(Path out, int expected) throws IOException {
    Path index = out.resolve("META-INF/corsgen/index");
    List<String> entries = !Files.exists(index) ? List.of()
        : Files.readAllLines(index).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();
    if (entries.size() != expected) {
      throw new IllegalStateException("expected " + expected + " resources in the index, found "
          + entries.size());
    }
    for (String entry : entries) {
      String generated = entry.substring(entry.indexOf(' ') + 1);
      if (!Files.exists(out.resolve(generated.replace('.', '/') + ".class"))) {
        throw new IllegalStateException("the index names " + generated + ", not compiled");
      }
    }
  }

  private Section report(List<AtSize> results, Profile profile) {
    StringBuilder md = new StringBuilder("## 3. Compile-time cost (javac)\n\n");
    md.append(String.format(Locale.ROOT, "Generated corpora (`CorpusGenerator`): five resource"
        + " methods per class, mixed paths, class-level policies, method-level policies that"
        + " replace them or stand alone, an open `*` policy, and one class in five without"
        + " CORS. `javac -encoding UTF-8 -cp <JAX-RS API, cors-annotations, cors-runtime>`"
        + " with `-proc:none` against `-processorpath cors-processor-0.1.0-SNAPSHOT.jar`"
        + " (shaded), against `-processor FloorProcessor`, the least a processor that"
        + " generates sources for these resources can do (find the `@Path` classes in its first"
        + " round and write one empty class per package), and against the same processor made"
        + " idle (`-Afloor.idle`: it neither looks nor writes, so what javac charges for running"
        + " any processor at all); each a fresh `javac` process, wall time, after one untimed"
        + " compilation of each kind at the first size; %d runs per mode and size, rotating which goes first and reversing the order every other run (the output directory emptied before the clock starts). Ratios"
        + " are taken within each run. The processor's own time (its `init` and every round,"
        + " generated files written included) comes from %d separate in-process compilation(s)"
        + " per size (`TimedJavac`, same options) with the processor wrapped in a timer."
        + " Median (min–max).\n\n", settings.runs(), settings.timedRuns()));
    Markdown table = new Markdown("resources", "-proc:none ms", "idle processor ms",
        "floor processor ms", "corsgen ms", "corsgen ÷ none", "idle ÷ none", "floor ÷ none",
        "corsgen ÷ floor", "processor's own ms",
        "rest of the extra ms (javac)", "own ms per resource", "extra wall ms per resource");
    List<Target> targets = new ArrayList<>();
    for (AtSize at : results) {
      double extra = (at.with().median() - at.without().median()) / at.size();
      table.row(String.format(Locale.ROOT, "%,d", at.size()), at.without().describe("%.0f"),
          at.idle().describe("%.0f"), at.floor().describe("%.0f"), at.with().describe("%.0f"),
          at.ratio().describe("%.3f×"), at.idleRatio().describe("%.3f×"),
          at.floorRatio().describe("%.3f×"), at.overFloor().describe("%.3f×"),
          at.processor().describe("%.0f"),
          String.format(Locale.ROOT, "%.0f",
              at.with().median() - at.without().median() - at.processor().median()),
          String.format(Locale.ROOT, "%.3f", at.processor().median() / at.size()),
          String.format(Locale.ROOT, "%.3f", extra));
      targets.add(new Target("3", String.format(Locale.ROOT,
          "javac with processor ≤ 1.15× without, %,d resources", at.size()),
          String.format(Locale.ROOT, "%.3f×", at.ratio().median()),
          at.ratio().median() <= 1.15));
    }
    md.append(table).append('\n');
    md.append("\"Rest of the extra\" is the wall time the processor adds beyond its own: javac"
        + " entering every tree again for each round after the first (the one that processes"
        + " the generated sources, and the last) and for the final compile, and compiling the"
        + " generated code (one class per package, with a constant per policy and a method per"
        + " resource with CORS). `idle ÷ none` is what javac charges for running a processor at"
        + " all (finding it, a last round and the final compile, each entering every tree"
        + " again); `floor ÷ none` what it charges any processor that generates sources (one"
        + " round more), before it does any work of its own.\n\n");
    if (results.size() >= 3) {
      // Slopes between sizes, not time per resource: a fixed cost (the processor's start-up,
      // javac's extra rounds) divided by more resources would make any growth look sublinear.
      AtSize small = results.get(results.size() - 3);
      AtSize middle = results.get(results.size() - 2);
      AtSize large = results.get(results.size() - 1);
      double ownBefore = slope(small, middle, CompileTimePart::processor);
      double ownAfter = slope(middle, large, CompileTimePart::processor);
      double addedBefore = slope(small, middle, CompileTimePart::added);
      double addedAfter = slope(middle, large, CompileTimePart::added);
      md.append(String.format(Locale.ROOT, "Each resource more costs, from %,d to %,d resources"
          + " and from %,d to %,d: the processor's own time %.3f then %.3f ms, the wall time it"
          + " adds %.3f then %.3f ms (linear: the second no larger than the first, within"
          + " noise).\n\n", small.size(), middle.size(), middle.size(), large.size(), ownBefore,
          ownAfter, addedBefore, addedAfter));
      targets.add(new Target("3", "linear growth",
          String.format(Locale.ROOT, "ms per added resource, %,d → %,d → %,d: own time %.3f →"
              + " %.3f, added wall time %.3f → %.3f", small.size(), middle.size(), large.size(),
              ownBefore, ownAfter, addedBefore, addedAfter),
          ownAfter <= ownBefore * 1.3 && addedAfter <= addedBefore * 1.3));
    }
    if (profile != null) {
      md.append(report(profile));
    }
    return new Section(md.toString(), targets);
  }

  /** Milliseconds per resource added between two sizes, of the medians of {@code time}. */
  private static double slope(AtSize from, AtSize to, Function<AtSize, Double> time) {
    return (time.apply(to) - time.apply(from)) / (to.size() - from.size());
  }

  private static double processor(AtSize at) {
    return at.processor().median();
  }

  /** The wall time the processor adds to javac, median with less median without. */
  private static double added(AtSize at) {
    return at.with().median() - at.without().median();
  }

  /** The profile's table and what it says of the time a processor adds. */
  private static String report(Profile profile) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "### Where javac's time goes (JFR, %,d resources)\n\n", profile.size()));
    md.append(String.format(Locale.ROOT, "Execution samples of javac's main thread (JFR, one"
        + " asked for every millisecond, stacks up to 2,048 frames deep), mean of %d profiled"
        + " run(s) per mode apart from the timed runs above. The counts are samples, not"
        + " milliseconds: JFR takes one only while the thread runs Java code, and fewer than"
        + " asked for, so time in the VM itself (class loading, interpreter transitions) is"
        + " under-counted;"
        + " JIT compilation and garbage collection run on other threads. A sample whose"
        + " stack holds a frame of the processor is the processor's; any other counts in the"
        + " compiler phase it ran under (`JavacPhases`). Rounds are javac's own count"
        + " (`-XprintRounds`): each round after the first, and the compile that follows the"
        + " last, begins by cleaning every tree and entering them all again.\n\n",
        profile.runs()));
    Mode[] modes = Mode.values();
    String[] header = new String[modes.length + 2];
    header[0] = "main-thread samples in";
    for (Mode mode : modes) {
      header[mode.ordinal() + 1] = label(mode);
    }
    header[modes.length + 1] = "corsgen − none";
    Markdown table = new Markdown(header);
    double[] totals = new double[modes.length];
    for (JavacPhases.Phase phase : JavacPhases.Phase.values()) {
      String[] row = new String[modes.length + 2];
      row[0] = phase.meaning;
      for (Mode mode : modes) {
        double mean = meanSamples(profile, mode, phase);
        totals[mode.ordinal()] += mean;
        row[mode.ordinal() + 1] = String.format(Locale.ROOT, "%.0f", mean);
      }
      row[modes.length + 1] = String.format(Locale.ROOT, "%+.0f",
          meanSamples(profile, Mode.CORSGEN, phase) - meanSamples(profile, Mode.NONE, phase));
      table.row(row);
    }
    String[] total = new String[modes.length + 2];
    String[] rounds = new String[modes.length + 2];
    total[0] = "**all**";
    rounds[0] = "processing rounds";
    for (Mode mode : modes) {
      total[mode.ordinal() + 1] = String.format(Locale.ROOT, "%.0f", totals[mode.ordinal()]);
      rounds[mode.ordinal() + 1] = String.valueOf(profile.rounds().getOrDefault(mode, 0));
    }
    total[modes.length + 1] = String.format(Locale.ROOT, "%+.0f",
        totals[Mode.CORSGEN.ordinal()] - totals[Mode.NONE.ordinal()]);
    rounds[modes.length + 1] = "";
    md.append(table.row(total).row(rounds)).append('\n');

    // Every round after the first, and the final compile, enters every tree again: per entry,
    // that is what the rounds cost, set against the first entering of a -proc:none compilation.
    StringBuilder perEntry = new StringBuilder();
    for (Mode mode : List.of(Mode.IDLE, Mode.FLOOR, Mode.CORSGEN)) {
      int entries = profile.rounds().getOrDefault(mode, 0);
      double reentering = meanSamples(profile, mode, JavacPhases.Phase.REENTER);
      perEntry.append(perEntry.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
          "%s %.0f samples over %d entries (%.0f each, %.0f%% of its main thread)", label(mode), reentering,
          entries, entries == 0 ? 0 : reentering / entries,
          100 * reentering / totals[mode.ordinal()]));
    }
    double own = meanSamples(profile, Mode.CORSGEN, JavacPhases.Phase.PROCESSOR);
    md.append(String.format(Locale.ROOT, "Entering every tree again, once per round after the"
        + " first and once for the final compile: %s. Entering them the first time, class path"
        + " read included, takes %.0f samples in a -proc:none compilation; parsing what corsgen"
        + " generated, %.0f more. corsgen's own code is %.0f samples, %.0f%% of its main thread;"
        + " the floor processor's, %.0f. What corsgen adds beyond these, in attribution, flow"
        + " analysis, desugaring and writing class files, is mostly its generated classes being"
        + " compiled; the -proc:none and idle columns, the same sources compiled twice, show how"
        + " far two runs differ in those rows.\n\n", perEntry,
        meanSamples(profile, Mode.NONE, JavacPhases.Phase.ENTER),
        meanSamples(profile, Mode.CORSGEN, JavacPhases.Phase.PARSE_GENERATED), own,
        100 * own / totals[Mode.CORSGEN.ordinal()],
        meanSamples(profile, Mode.FLOOR, JavacPhases.Phase.PROCESSOR)));
    return md.toString();
  }

  private static String label(Mode mode) {
    return switch (mode) {
      case NONE -> "-proc:none";
      case IDLE -> "idle processor";
      case FLOOR -> "floor processor";
      case CORSGEN -> "corsgen";
    };
  }

  private static double meanSamples(Profile profile, Mode mode, JavacPhases.Phase phase) {
    return profile.samples().getOrDefault(mode, Map.of()).getOrDefault(phase, 0)
        / (double) profile.runs();
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  static void log(String line) {
    System.out.println("[compile] " + line);
    System.out.flush();
  }
}
