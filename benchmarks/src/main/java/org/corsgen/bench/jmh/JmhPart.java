package org.corsgen.bench.jmh;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.corsgen.bench.report.Markdown;
import org.corsgen.bench.report.Sample;
import org.corsgen.bench.report.Section;
import org.corsgen.bench.report.Target;
import org.corsgen.bench.scaling.ScalingPolicies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.StackProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Part 1: runs the JMH benchmarks with the GC profiler and turns them into tables of ratios. */
public final class JmhPart {

  /** JMH durations: forks, warm-up and measured iterations, seconds per iteration. */
  public record Settings(int forks, int warmups, int iterations, int seconds) {}

  private static final String ALLOC = "gc.alloc.rate.norm";
  private static final List<String> CONTENDERS =
      List.of("corsgen", "reflective", "spring", "headersOnly", "floor", "springFloor");

  private final Settings settings;

  public JmhPart(Settings settings) {
    this.settings = settings;
  }

  /** ns/op and B/op of every iteration of every fork, by benchmark method and parameter. */
  private record Measured(Sample time, Sample bytes) {}

  public Section run() throws RunnerException {
    Map<String, Measured> perRequest = measure(PerRequestBenchmark.class, "input");
    Map<String, Measured> scaling = measure(ScalingBenchmark.class, "policy");
    Map<String, Measured> answers = measure(PreflightAnswerBenchmark.class, null);
    String profile;
    try {
      profile = profileCorsgenPreflight();
    } catch (RunnerException | RuntimeException e) {
      profile = "(the stack profile failed: " + e + ")\n";
    }

    List<Target> targets = new ArrayList<>();
    StringBuilder md = new StringBuilder();
    md.append("## 1. Per-request cost (JMH)\n\n");
    md.append("Same policy for every contender (2 exact origins, 1 subdomain pattern, 3 methods,"
        + " 4 allowed and 2 exposed headers, credentials, max-age 600). Each fork is one pass over"
        + " the contenders and, within each, the inputs, in one order and, in the next fork,"
        + " reversed, so that none always runs after another (with one fork, as `QUICK=1` runs,"
        + " there is no reversed pass). Median of all measured iterations of all forks, (min–max) across them;"
        + " ratios are of medians, with the widest range the two spreads allow. Every invocation decodes the request's header"
        + " values anew, as a server does. `floor` resets the reused JAX-RS stubs (that decoding"
        + " included) and does nothing else; `springFloor` does the same for Spring's mocks."
        + " Ratios are of each contender's own time: its harness's floor (`floor`, or"
        + " `springFloor` for Spring) taken off every iteration."
        + " `corsgen` runs as Jersey runs its filters: `PreflightFilter` and"
        + " `PreflightAnswerGuard` on a preflight, the policy's filter on an actual request, and"
        + " `NoMethodChosenFilter` on both. `headersOnly` writes the"
        + " answer's headers from constants without reading the request (for a preflight, makes"
        + " its `Response` as corsgen does): the least any JAX-RS filter must do. A preflight's"
        + " `Response` is then handed to Jersey's `OutboundJaxrsResponse.from`, as Jersey's"
        + " `ContainerResponse` does with every resource method's answer and every filter's"
        + " `abortWith`. Bytes are `gc.alloc.rate.norm` from `-prof gc`.\n\n");
    Markdown time = new Markdown("input", "corsgen ns/op", "reflective ns/op", "Spring ns/op",
        "headersOnly ns/op", "floor ns/op", "springFloor ns/op", "reflective ÷ corsgen",
        "Spring ÷ corsgen", "corsgen ÷ headersOnly");
    Markdown bytes = new Markdown("input", "corsgen B/op", "corsgen's own B/op (− floor)",
        "reflective B/op", "Spring B/op", "headersOnly B/op", "floor B/op", "springFloor B/op");
    for (PerRequestBenchmark.Input input : PerRequestBenchmark.Input.values()) {
      Map<String, Measured> row = new LinkedHashMap<>();
      for (String contender : CONTENDERS) {
        row.put(contender, perRequest.get(contender + "/" + input.name()));
      }
      if (row.values().stream().anyMatch(m -> m == null)) {
        continue;
      }
      // Ratios of each contender's own time: its harness's floor (the stubs' or Spring's mocks'
      // reset, the request's header values decoded) taken off.
      double floor = row.get("floor").time().median();
      double springFloor = row.get("springFloor").time().median();
      Sample corsgen = row.get("corsgen").time().minus(floor);
      Sample reflective = row.get("reflective").time().minus(floor);
      Sample spring = row.get("spring").time().minus(springFloor);
      time.row(input.name(), row.get("corsgen").time().describe("%.1f"),
          row.get("reflective").time().describe("%.1f"),
          row.get("spring").time().describe("%.1f"),
          row.get("headersOnly").time().describe("%.1f"),
          row.get("floor").time().describe("%.1f"),
          row.get("springFloor").time().describe("%.1f"),
          Sample.ratio(reflective, corsgen),
          Sample.ratio(spring, corsgen),
          Sample.ratio(corsgen, row.get("headersOnly").time().minus(floor)));
      double own = row.get("corsgen").bytes().median() - row.get("floor").bytes().median();
      bytes.row(input.name(), row.get("corsgen").bytes().describe("%.0f"), fmt("%.0f", own),
          row.get("reflective").bytes().describe("%.0f"),
          row.get("spring").bytes().describe("%.0f"),
          row.get("headersOnly").bytes().describe("%.0f"),
          row.get("floor").bytes().describe("%.0f"),
          row.get("springFloor").bytes().describe("%.0f"));
      for (String peer : List.of("reflective", "spring")) {
        double ratio = (peer.equals("spring") ? spring : reflective).median() / corsgen.median();
        targets.add(new Target("1", "corsgen ≥ 5× faster than " + peer + ", " + input.name()
                + " (own time)",
            fmt("%.2f×", ratio), ratio >= 5));
      }
      if (input == PerRequestBenchmark.Input.ACTUAL_ALLOWED) {
        targets.add(new Target("1", "0 B/op of corsgen's own, allowed exact origin (actual)",
            fmt("%.3f B/op", own), Math.round(own) == 0));
      }
    }
    md.append("### Time per request\n\n").append(time).append('\n');
    md.append("### Allocation per request\n\n").append(bytes).append('\n');

    Measured builder = answers.get("builder/");
    Measured answer = answers.get("preflightAnswer/");
    Measured conversion = answers.get("jerseyConversion/");
    if (builder != null && answer != null && conversion != null) {
      md.append("### Making the allowed preflight's answer\n\n");
      md.append("The six header fields of the allowed preflight alone, each answer then taken by"
          + " Jersey (`PreflightAnswerBenchmark`): with Jersey's `ResponseBuilder`, which fills a"
          + " header map and copies it into another on `build()`; as a `Response` of another kind,"
          + " whose fields Jersey copies into a new header map of its own (here that copy alone,"
          + " of ready-made fields: the least such an answer costs); and as corsgen's"
          + " `PreflightAnswer`, Jersey's own kind of response with its fields written into the"
          + " map Jersey sends, which Jersey takes without a copy.\n\n");
      Markdown made = new Markdown("made with", "ns/op", "B/op", "÷ `PreflightAnswer`");
      made.row("`ResponseBuilder`", builder.time().describe("%.1f"),
          builder.bytes().describe("%.0f"), Sample.ratio(builder.time(), answer.time()));
      made.row("another kind, Jersey's copy alone", conversion.time().describe("%.1f"),
          conversion.bytes().describe("%.0f"), Sample.ratio(conversion.time(), answer.time()));
      made.row("`PreflightAnswer`", answer.time().describe("%.1f"),
          answer.bytes().describe("%.0f"), Sample.ratio(answer.time(), answer.time()));
      md.append(made).append('\n');
    }

    md.append("### How corsgen's cost grows with the policy\n\n");
    md.append("Allowed-origin preflight (`preflight`: corsgen's answer as its handler returns it,"
        + " without the Jersey conversion the tables above include, since only its growth is"
        + " compared here) and the policy's origin matcher alone (`matchOrigin`), each asked with the origin the matcher reaches last: the last exact"
        + " origin, or a host under the last pattern. The resources are generated"
        + " (`tools/GenerateScalingResources.java`) and compiled with the processor.\n\n");
    Markdown growth = new Markdown("policy", "preflight ns/op", "preflight ÷ first",
        "matchOrigin ns/op", "matchOrigin ÷ first", "preflight B/op");
    Measured firstExactPreflight = scaling.get("preflight/exact-1");
    Measured firstExactMatch = scaling.get("matchOrigin/exact-1");
    Measured firstPatternPreflight = scaling.get("preflight/patterns-1");
    Measured firstPatternMatch = scaling.get("matchOrigin/patterns-1");
    Measured firstPortsPreflight = scaling.get("preflight/ports-1");
    Measured firstPortsMatch = scaling.get("matchOrigin/ports-1");
    for (String policy : ScalingPolicies.NAMES) {
      Measured preflight = scaling.get("preflight/" + policy);
      Measured match = scaling.get("matchOrigin/" + policy);
      if (preflight == null || match == null) {
        continue;
      }
      // A request-time check replaces the written list, so it is compared with one exact origin.
      boolean exact = policy.startsWith("exact") || policy.equals("request-time");
      boolean ports = policy.startsWith("ports");
      Measured basePreflight = exact ? firstExactPreflight
          : ports ? firstPortsPreflight : firstPatternPreflight;
      Measured baseMatch = exact ? firstExactMatch : ports ? firstPortsMatch : firstPatternMatch;
      if (basePreflight == null || baseMatch == null) {
        continue;
      }
      growth.row(policy, preflight.time().describe("%.1f"),
          Sample.ratio(preflight.time(), basePreflight.time()),
          match.time().describe("%.1f"), Sample.ratio(match.time(), baseMatch.time()),
          preflight.bytes().describe("%.0f"));
    }
    md.append(growth).append('\n');
    Measured ports10 = scaling.get("matchOrigin/ports-10");
    if (ports10 != null && firstPortsMatch != null && firstPatternMatch != null) {
      // No target of its own: port wildcards are scanned, so their cost is linear by design.
      md.append(fmt("Port wildcards (`ports-*`, the same patterns with `:*`) are tried one by one"
              + " after everything else: the matcher takes %.1f ns for one (%.2f× `patterns-1`)"
              + " and %.1f ns for ten, +%.2f ns per added pattern.\n\n",
          firstPortsMatch.time().median(),
          firstPortsMatch.time().median() / firstPatternMatch.time().median(),
          ports10.time().median(),
          (ports10.time().median() - firstPortsMatch.time().median()) / 9));
    }
    Measured requestTime = scaling.get("matchOrigin/request-time");
    Measured requestTimePreflight = scaling.get("preflight/request-time");
    if (requestTime != null && requestTimePreflight != null && firstExactMatch != null
        && firstExactPreflight != null) {
      // No target of its own: the issue predates the feature.
      md.append(fmt("Origins decided at each request (`request-time`: the `origins` placeholder's"
              + " property is a `Predicate<String>`, here a concurrent set's lookup over %,.0f"
              + " origins) are asked once the origin is known to be one a browser sends: the"
              + " matcher takes %.1f ns (%.2f× `exact-1`), the preflight %.1f ns (%.2f×).\n\n",
          Contenders.TENANT_COUNT, requestTime.time().median(),
          requestTime.time().median() / firstExactMatch.time().median(),
          requestTimePreflight.time().median(),
          requestTimePreflight.time().median() / firstExactPreflight.time().median()));
    }
    Measured exact1000 = scaling.get("matchOrigin/exact-1000");
    Measured exact10 = scaling.get("matchOrigin/exact-10");
    if (exact1000 != null && exact10 != null && firstExactMatch != null) {
      // The matcher from 10 on, where both are hash lookups (up to four origins are compared
      // one by one), and the whole preflight from 1.
      double growthMatch = exact1000.time().median() / exact10.time().median();
      Measured preflight1000 = scaling.get("preflight/exact-1000");
      double growthPreflight = preflight1000.time().median()
          / firstExactPreflight.time().median();
      targets.add(new Target("1", "flat in exact origins: matcher at 1,000 within 25% of 10,"
              + " preflight at 1,000 within 10% of 1",
          fmt("matcher %.2f×, preflight %.2f×", growthMatch, growthPreflight),
          growthMatch <= 1.25 && growthPreflight <= 1.10));
    }
    Measured patterns50 = scaling.get("matchOrigin/patterns-50");
    Measured patterns10 = scaling.get("matchOrigin/patterns-10");
    if (patterns50 != null && patterns10 != null && firstPatternMatch != null) {
      double m1 = firstPatternMatch.time().median();
      double m10 = patterns10.time().median();
      double m50 = patterns50.time().median();
      // Linear or better: each pattern added from 10 to 50 costs no more than each from 1 to 10
      // did (slopes, so that the fixed cost does not hide growth; 0.05 ns a pattern stands for
      // "none" when the first slope is flat too).
      double before = (m10 - m1) / 9;
      double after = (m50 - m10) / 40;
      targets.add(new Target("1", "at most linear in patterns (1, 10, 50)",
          fmt("matcher %.1f, %.1f, %.1f ns: %+.2f ns per added pattern 1→10, %+.2f 10→50"
              + (m50 <= m10 * 1.1 ? " (flat from 10)" : ""),
              m1, m10, m50, before, after),
          after <= Math.max(before, 0.05) * 1.3));
    }
    if (!profile.isEmpty()) {
      md.append("### Where corsgen's preflight time goes (`-prof stack`)\n\n")
          .append("JMH's stack profiler on `corsgen` with `PREFLIGHT_ALLOWED`, the top stacks,"
              + " six frames each (two would not tell Jersey's work from corsgen's):\n\n")
          .append("```\n").append(profile).append("```\n\n");
    }
    return new Section(md.toString(), targets);
  }

  /**
   * Every benchmark method of {@code benchmark} with every value of its parameter, one fork at a
   * time: each fork is a pass over the methods and, within each, the values, in declared order
   * and then in reverse, so that no contender or policy always runs later than another (JMH
   * alone runs them in one order, minutes apart, while a shared machine's load drifts).
   */
  private Map<String, Measured> measure(Class<?> benchmark, String param)
      throws RunnerException {
    List<String> methods = Arrays.stream(benchmark.getMethods())
        .filter(method -> method.isAnnotationPresent(Benchmark.class))
        .map(Method::getName)
        .sorted()
        .collect(Collectors.toCollection(ArrayList::new));
    List<String> values = param == null ? new ArrayList<>() : paramValues(benchmark, param);
    Map<String, Measured> measured = new LinkedHashMap<>();
    for (int pass = 0; pass < settings.forks(); pass++) {
      for (String method : methods) {
        for (String value : values.isEmpty() ? List.<String>of("") : values) {
          ChainedOptionsBuilder options = options(
                  Pattern.quote(benchmark.getName() + "." + method) + "$")
              .forks(1)
              .addProfiler(GCProfiler.class);
          if (!value.isEmpty()) {
            options.param(param, value);
          }
          add(measured, param, new Runner(options.build()).run());
        }
      }
      Collections.reverse(methods);
      Collections.reverse(values);
    }
    return measured;
  }

  /** The values of {@code benchmark}'s {@code @Param} field {@code name}, as JMH takes them. */
  private static List<String> paramValues(Class<?> benchmark, String name) {
    try {
      Field field = benchmark.getField(name);
      String[] declared = field.getAnnotation(Param.class).value();
      if (!field.getType().isEnum()
          || !(declared.length == 1 && declared[0].equals(Param.BLANK_ARGS))) {
        return new ArrayList<>(Arrays.asList(declared));
      }
      // An enum's @Param that lists no values (JMH's placeholder): all its constants.
      return Arrays.stream(field.getType().getEnumConstants())
          .map(constant -> ((Enum<?>) constant).name())
          .collect(Collectors.toCollection(ArrayList::new));
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(benchmark + " has no parameter " + name, e);
    }
  }

  /** Adds every measured iteration of {@code results} to {@code measured}. */
  private static void add(Map<String, Measured> measured, String param,
      Collection<RunResult> results) {
    for (RunResult result : results) {
      BenchmarkParams params = result.getParams();
      String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      Measured all = measured.computeIfAbsent(
          method + "/" + (param == null ? "" : params.getParam(param)),
          key -> new Measured(new Sample(), new Sample()));
      for (BenchmarkResult fork : result.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          all.time().add(iteration.getPrimaryResult().getScore());
          Result<?> alloc = iteration.getSecondaryResults().get(ALLOC);
          if (alloc != null) {
            all.bytes().add(alloc.getScore());
          }
        }
      }
    }
  }

  /** JMH's stack profiler on corsgen's allowed preflight: where the time goes. */
  private String profileCorsgenPreflight() throws RunnerException {
    Collection<RunResult> results = new Runner(
        options(PerRequestBenchmark.class.getName() + "\\.corsgen$")
            .param("input", "PREFLIGHT_ALLOWED")
            .forks(1)
            .addProfiler(StackProfiler.class, "lines=6;top=10;detailLine=false")
            .build()).run();
    for (RunResult result : results) {
      Result<?> stack = result.getSecondaryResults().get("stack");
      if (stack != null) {
        return trimProfile(stack.extendedInfo());
      }
    }
    return "";
  }

  /** The RUNNABLE section of the stack profile, without the thread-state summary. */
  private static String trimProfile(String text) {
    StringBuilder kept = new StringBuilder();
    boolean runnable = false;
    for (String line : text.split("\n")) {
      if (line.contains("Thread state: RUNNABLE")) {
        runnable = true;
      } else if (line.contains("Thread state:")) {
        runnable = false;
      }
      if (runnable && !line.isBlank()) {
        kept.append(line.stripTrailing()).append('\n');
      }
    }
    return kept.length() > 0 ? kept.toString() : text;
  }

  private ChainedOptionsBuilder options(String include) {
    return new OptionsBuilder()
        .include(include)
        .forks(settings.forks())
        .warmupIterations(settings.warmups())
        .warmupTime(TimeValue.seconds(settings.seconds()))
        .measurementIterations(settings.iterations())
        .measurementTime(TimeValue.seconds(settings.seconds()))
        .shouldFailOnError(true);
  }

  private static String fmt(String format, double... values) {
    Object[] boxed = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return String.format(java.util.Locale.ROOT, format, boxed);
  }
}
