package org.corsgen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.corsgen.bench.compile.CompileTimePart;
import org.corsgen.bench.e2e.EndToEndPart;
import org.corsgen.bench.jmh.JmhPart;
import org.corsgen.bench.report.Section;
import org.corsgen.bench.report.Target;

/**
 * Runs the three parts of the benchmark suite and writes {@code RESULTS.md}: machine, JDK, date,
 * the load on the machine around each part, every table, and the targets met or missed.
 * Durations come from system properties (see {@code benchmarks/run.sh}).
 *
 * <pre>Suite &lt;results file&gt; &lt;work dir&gt; &lt;processor jar&gt; [jmh,e2e,compile]</pre>
 */
public final class Suite {

  private Suite() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args[0]);
    Path work = Path.of(args[1]);
    Path processorJar = Path.of(args[2]);
    Set<String> parts = Set.copyOf(Arrays.asList(
        (args.length > 3 ? args[3] : "jmh,e2e,compile").split(",")));
    String classpath = System.getProperty("java.class.path");
    Instant start = Instant.now();

    List<Section> sections = new ArrayList<>();
    List<String> load = new ArrayList<>();
    if (parts.contains("jmh")) {
      load.add("before part 1: " + loadAverage());
      sections.add(new JmhPart(new JmhPart.Settings(
          intProperty("bench.jmh.forks", 2), intProperty("bench.jmh.warmups", 3),
          intProperty("bench.jmh.iterations", 5), intProperty("bench.jmh.seconds", 1))).run());
      load.add("after part 1: " + loadAverage());
    }
    if (parts.contains("e2e")) {
      load.add("before part 2: " + loadAverage());
      sections.add(new EndToEndPart(new EndToEndPart.Settings(
          intProperty("bench.e2e.rounds", 8), intProperty("bench.e2e.warmup", 20),
          intProperty("bench.e2e.measure", 5), intProperty("bench.e2e.connections", 8),
          intProperty("bench.e2e.maxRequests", 2_000_000),
          intProperty("bench.e2e.pipelineRounds", 15)),
          work.resolve("e2e"), classpath).run());
      load.add("after part 2: " + loadAverage());
    }
    if (parts.contains("compile")) {
      load.add("before part 3: " + loadAverage());
      List<Integer> sizes = Arrays.stream(
              System.getProperty("bench.compile.sizes", "100,1000,5000").split(","))
          .map(String::trim).map(Integer::parseInt).toList();
      sections.add(new CompileTimePart(new CompileTimePart.Settings(sizes,
          intProperty("bench.compile.runs", 3), intProperty("bench.compile.timedRuns", 2),
          intProperty("bench.compile.profileRuns", 3)),
          work.resolve("compile"), processorJar, classpath).run());
      load.add("after part 3: " + loadAverage());
    }
    Duration took = Duration.between(start, Instant.now());
    Files.writeString(results, render(sections, load, took), StandardCharsets.UTF_8);
    System.out.println("Wrote " + results + " in " + took.toMinutes() + " min "
        + took.toSecondsPart() + " s");
  }

  private static String render(List<Section> sections, List<String> load, Duration took)
      throws IOException, InterruptedException {
    StringBuilder md = new StringBuilder("# corsgen benchmark results\n\n");
    md.append("Written by `benchmarks/run.sh` on ")
        .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .format(Instant.now().atOffset(ZoneOffset.UTC)))
        .append(String.format(Locale.ROOT, " (the run took %d min %d s). Every figure is a"
            + " ratio between contenders measured side by side in this run, on this machine:"
            + " compare ratios, not absolute numbers, with other machines.\n\n",
            took.toMinutes(), took.toSecondsPart()));
    md.append("## Machine and conditions\n\n");
    md.append("- CPU: ").append(cpu()).append('\n');
    md.append("- Memory: ").append(memory()).append('\n');
    md.append("- OS: ").append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.version")).append('\n');
    md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" (")
        .append(System.getProperty("java.vendor")).append(")\n");
    md.append("- Durations: ").append(durations()).append('\n');
    md.append("- Load average (1, 5, 15 min) around each part; the other engineers' builds"
        + " share this machine when it is above ~0.5:\n");
    for (String line : load) {
      md.append("  - ").append(line).append('\n');
    }
    md.append('\n');

    List<Target> targets = sections.stream().flatMap(s -> s.targets().stream())
        .collect(Collectors.toList());
    md.append("## Targets\n\n| part | target | measured (median) | |\n| --- | --- | --- | --- |\n");
    for (Target target : targets) {
      md.append(target.line()).append('\n');
    }
    md.append('\n');
    for (Section section : sections) {
      md.append(section.markdown()).append('\n');
    }
    return md.toString();
  }

  private static String durations() {
    List<String> set = new ArrayList<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("bench.")) {
        set.add(name.substring(6) + "=" + System.getProperty(name));
      }
    }
    set.sort(null);
    return set.isEmpty() ? "defaults" : String.join(", ", set);
  }

  private static String cpu() throws IOException {
    String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst().orElse("unknown");
    return model + ", " + Runtime.getRuntime().availableProcessors() + " cores";
  }

  private static String memory() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(line -> line.startsWith("MemTotal"))
        .map(line -> String.format(Locale.ROOT, "%.1f GiB",
            Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
        .findFirst().orElse("unknown");
  }

  /** The load averages, and the busiest processes when the machine is not idle. */
  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
    return fields[0] + ", " + fields[1] + ", " + fields[2];
  }

  private static int intProperty(String name, int fallback) {
    String value = System.getProperty(name);
    return value == null ? fallback : Integer.parseInt(value.trim());
  }
}
