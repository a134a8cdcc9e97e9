package org.corsgen.bench.e2e;

import static org.corsgen.bench.app.BenchPolicy.APP;
import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_HEADERS;
import static org.corsgen.bench.app.BenchPolicy.PREFLIGHT_METHOD;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corsgen.bench.Command;
import org.corsgen.bench.e2e.BenchServer.Build;
import org.corsgen.bench.report.Markdown;
import org.corsgen.bench.report.Sample;
import org.corsgen.bench.report.Section;
import org.corsgen.bench.report.Target;

/**
 * Part 2: the builds of the application on Grizzly, pinned to core 0, under {@code wrk}
 * pinned to core 1, on 127.0.0.1 only. After the same warm-up each, the builds alternate in short
 * slices over several rounds, each slice between two of the no-CORS GET that are its baseline
 * (the order rotating each round, and reversed every other one).
 */
public final class EndToEndPart {

  /**
   * Rounds, seconds of warm-up per build (half GET, half preflight), seconds per measured slice,
   * wrk connections, and the most requests one wrk run may send.
   */
  public record Settings(int rounds, int warmupSeconds, int measureSeconds, int connections,
      long maxRequests, int pipelineRounds) {}

  /**
   * The contenders of the in-process breakdown, each a request kind and a build: what a GET
   * costs inside Jersey with nothing, an empty response filter, the four headers as constants,
   * corsgen and the reflective filter. No CORS comes first: InProcessPipeline's ratios are to
   * its first contender.
   */
  private static final List<String> PIPELINE = List.of("get:none", "get:emptyfilter",
      "get:headersonly", "get:corsgen", "get:reflective");

  /** One line of {@link InProcessPipeline}'s output. */
  private static final Pattern PIPELINE_LINE = Pattern.compile(
      "(\\S+)\\s+(\\d+) ns/req\\s+x([\\d.]+) \\(([\\d.]+)-([\\d.]+)\\) of \\S+");

  /** The two request shapes measured. */
  enum Kind {
    GET, PREFLIGHT
  }

  /** One measured slice of a round: a build under one kind of request. */
  private record Slice(Build build, Kind kind) {}

  /**
   * One wrk run, with the server's CPU time per request and how busy the server's and the load
   * generator's cores were (0 to 1) while it ran.
   */
  record Run(double requestsPerSecond, double p99Millis, long requests, long non2xx,
      double serverCpuMicros, double serverCoreBusy, double loadCoreBusy) {

    Run withCpu(double cpuMicros, double serverBusy, double loadBusy) {
      return new Run(requestsPerSecond, p99Millis, requests, non2xx, cpuMicros, serverBusy,
          loadBusy);
    }

    /** The mean of two runs, field by field: the baseline of the slice between them. */
    static Run mean(Run a, Run b) {
      return new Run((a.requestsPerSecond + b.requestsPerSecond) / 2,
          (a.p99Millis + b.p99Millis) / 2, (a.requests + b.requests) / 2,
          (a.non2xx + b.non2xx) / 2, (a.serverCpuMicros + b.serverCpuMicros) / 2,
          (a.serverCoreBusy + b.serverCoreBusy) / 2, (a.loadCoreBusy + b.loadCoreBusy) / 2);
    }
  }

  private static final String CORE_SERVER = "0";
  private static final String CORE_LOAD = "1";

  private final Settings settings;
  private final Path work;
  private final String classpath;

  public EndToEndPart(Settings settings, Path work, String classpath) {
    this.settings = settings;
    this.work = work;
    this.classpath = classpath;
  }

  public Section run() throws Exception {
    Files.createDirectories(work);
    Map<Kind, Path> scripts = new EnumMap<>(Kind.class);
    scripts.put(Kind.GET, script("get.lua", "GET", "wrk.headers[\"Origin\"] = \"" + APP + "\"\n"));
    scripts.put(Kind.PREFLIGHT, script("preflight.lua", "OPTIONS",
        "wrk.headers[\"Origin\"] = \"" + APP + "\"\n"
            + "wrk.headers[\"Access-Control-Request-Method\"] = \"" + PREFLIGHT_METHOD + "\"\n"
            + "wrk.headers[\"Access-Control-Request-Headers\"] = \"" + PREFLIGHT_HEADERS + "\"\n"));

    Map<Build, Map<Kind, List<Run>>> runs = runsByBuild();
    // For each slice, the mean of the no-CORS GET slices just before and after it.
    Map<Build, Map<Kind, List<Run>>> baselines = runsByBuild();
    // All three servers run side by side on the server core (idle ones cost nothing), so that
    // the slices compared within a round are seconds apart: on a shared machine the load drifts
    // over minutes, and a ratio of measurements taken far apart would measure the drift.
    Build[] builds = Build.values();
    Map<Build, Server> servers = new EnumMap<>(Build.class);
    try {
      for (Build build : builds) {
        Server server = Server.start(build, classpath, work);
        servers.put(build, server);
        check(build, server.port());
      }
      for (Build build : builds) {
        log("warm-up: " + build.id());
        int half = Math.max(1, settings.warmupSeconds() / 2);
        wrk(servers.get(build), scripts.get(Kind.GET), half);
        if (build != Build.HEADERSONLY) {
          wrk(servers.get(build), scripts.get(Kind.PREFLIGHT), half);
        }
      }
      // Every slice of a round but the no-CORS GET, each measured between two slices of the
      // no-CORS GET, whose mean is its baseline: every ratio then compares slices seconds
      // apart, whatever the load on a shared machine does meanwhile. headersonly answers
      // preflights as the no-CORS build does, plus its headers: not measured there.
      Slice baselineSlice = new Slice(Build.NONE, Kind.GET);
      List<Slice> slices = new ArrayList<>();
      for (Build build : builds) {
        for (Kind kind : Kind.values()) {
          Slice slice = new Slice(build, kind);
          if (!slice.equals(baselineSlice)
              && !(build == Build.HEADERSONLY && kind == Kind.PREFLIGHT)) {
            slices.add(slice);
          }
        }
      }
      for (int round = 0; round < settings.rounds(); round++) {
        log("round " + (round + 1) + "/" + settings.rounds());
        // Rotated each round and reversed every other one, so that no slice always follows
        // the same one.
        List<Slice> order = new ArrayList<>(slices);
        Collections.rotate(order, -round);
        if (round % 2 == 1) {
          Collections.reverse(order);
        }
        Run before = measure(servers, scripts, baselineSlice, runs);
        for (Slice slice : order) {
          Run run = measure(servers, scripts, slice, runs);
          Run after = measure(servers, scripts, baselineSlice, runs);
          baselines.get(slice.build()).get(slice.kind()).add(Run.mean(before, after));
          before = after;
        }
      }
    } finally {
      for (Server server : servers.values()) {
        server.close();
      }
    }
    return report(runs, baselines, settings.pipelineRounds() > 0 ? pipeline() : List.of());
  }

  private static Map<Build, Map<Kind, List<Run>>> runsByBuild() {
    Map<Build, Map<Kind, List<Run>>> runs = new EnumMap<>(Build.class);
    for (Build build : Build.values()) {
      runs.put(build, new EnumMap<>(Kind.class));
      for (Kind kind : Kind.values()) {
        runs.get(build).put(kind, new ArrayList<>());
      }
    }
    return runs;
  }

  /** One slice: wrk against one build, checked, logged and kept with the build's runs. */
  private Run measure(Map<Build, Server> servers, Map<Kind, Path> scripts, Slice slice,
      Map<Build, Map<Kind, List<Run>>> runs) throws Exception {
    Build build = slice.build();
    Kind kind = slice.kind();
    Run run = wrk(servers.get(build), scripts.get(kind), settings.measureSeconds());
    if (run.non2xx() > 0) {
      throw new IllegalStateException(build.id() + " " + kind + ": " + run.non2xx()
          + " answers were not 2xx");
    }
    log(String.format(Locale.ROOT, "  %s %s: %.0f req/s, p99 %.3f ms, server %.1f µs"
        + " CPU per request, cores busy: server %.0f%%, wrk %.0f%%", build.id(), kind,
        run.requestsPerSecond(), run.p99Millis(), run.serverCpuMicros(),
        100 * run.serverCoreBusy(), 100 * run.loadCoreBusy()));
    runs.get(build).get(kind).add(run);
    return run;
  }

  /** A contender of the in-process breakdown: median ns per request, and ratio to the first. */
  private record PipelineRow(String contender, double nanos, double ratio, double min,
      double max) {}

  /**
   * {@link InProcessPipeline} in its own JVM on the server core, with the servers' heap and
   * collector: where a GET's time goes inside Jersey, without Grizzly and sockets.
   */
  private List<PipelineRow> pipeline() throws Exception {
    log("in-process breakdown: " + String.join(" ", PIPELINE));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of("taskset", "-c", CORE_SERVER,
        java.toString(), "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath,
        InProcessPipeline.class.getName(), String.valueOf(settings.pipelineRounds())));
    command.addAll(PIPELINE);
    String output = Command.run(command);
    List<PipelineRow> rows = new ArrayList<>();
    for (String line : output.split("\n")) {
      Matcher matcher = PIPELINE_LINE.matcher(line.trim());
      if (matcher.matches()) {
        rows.add(new PipelineRow(matcher.group(1), Double.parseDouble(matcher.group(2)),
            Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)),
            Double.parseDouble(matcher.group(5))));
      }
    }
    if (rows.size() != PIPELINE.size()) {
      throw new IllegalStateException("InProcessPipeline printed " + rows.size() + " of "
          + PIPELINE.size() + " contenders:\n" + output);
    }
    return rows;
  }

  private Section report(Map<Build, Map<Kind, List<Run>>> runs,
      Map<Build, Map<Kind, List<Run>>> baselines, List<PipelineRow> pipeline) {
    StringBuilder md = new StringBuilder("## 2. End to end (Jersey on Grizzly, wrk, loopback)\n\n");
    md.append(String.format(Locale.ROOT, "One resource (`GET /api`, text), four builds: no CORS,"
            + " corsgen, the reflective filter, and `headersonly` (no CORS; a filter puts the four"
            + " headers corsgen answers this GET with as constants: what sending them costs,"
            + " whoever decides them), each in its own JVM (`-Xms256m -Xmx256m"
            + " -XX:+UseSerialGC`), all pinned with `taskset -c %s` and running side by side;"
            + " `wrk -t1 -c%d` pinned with `taskset -c %s`, with no Lua callback per response."
            + " Each build first gets the same"
            + " warm-up, %d s (half GET, half preflight). Then %d rounds: in each, a %d s slice"
            + " of GET against every build but no-CORS and of preflight against every build but"
            + " `headersonly`, each between two %d s slices of the no-CORS GET, whose mean is its"
            + " baseline; the order rotates from round to round and reverses every other round."
            + " So every ratio compares slices seconds apart. GET carries `Origin` (an allowed"
            + " exact origin); the preflight asks for PUT with two headers. The no-CORS build answers the preflight with Jersey's automatic"
            + " OPTIONS (200 and `Allow`). Median over rounds (min–max).\n\n", CORE_SERVER,
        settings.connections(), CORE_LOAD, settings.warmupSeconds(), settings.rounds(),
        settings.measureSeconds(), settings.measureSeconds()));
    Markdown absolute = new Markdown("build", "GET req/s", "GET p99 ms",
        "GET server CPU µs/req", "preflight req/s", "preflight p99 ms",
        "preflight server CPU µs/req", "server core busy", "wrk core busy");
    for (Build build : Build.values()) {
      List<Run> all = new ArrayList<>(runs.get(build).get(Kind.GET));
      List<Run> preflights = runs.get(build).get(Kind.PREFLIGHT);
      all.addAll(preflights);
      boolean none = preflights.isEmpty();
      absolute.row(build.id(),
          rps(runs.get(build).get(Kind.GET)).describe("%.0f"),
          p99(runs.get(build).get(Kind.GET)).describe("%.2f"),
          of(runs.get(build).get(Kind.GET), Run::serverCpuMicros).describe("%.1f"),
          none ? "–" : rps(preflights).describe("%.0f"),
          none ? "–" : p99(preflights).describe("%.2f"),
          none ? "–" : of(preflights, Run::serverCpuMicros).describe("%.1f"),
          of(all, run -> 100 * run.serverCoreBusy()).describe("%.0f%%"),
          of(all, run -> 100 * run.loadCoreBusy()).describe("%.0f%%"));
    }
    md.append(absolute).append('\n');
    md.append("Server CPU per request is the server process's user and system time over the"
        + " slice (from `/proc`, 10 ms ticks) divided by the requests answered; the kernel's"
        + " loopback TCP work for the server is part of it. Core busy is the share of the slice"
        + " each core was not idle (`/proc/stat`): a load generator near 100% would cap every"
        + " build alike and hide differences, a server core near 100% means the server is the"
        + " bottleneck, as intended.\n\n");

    md.append("Each ratio is a slice's against the mean of the no-CORS GET slices just before"
        + " and after it (the same conditions), then the median over rounds (min–max):\n\n");
    Markdown ratios = new Markdown("ratio", "throughput", "p99 latency",
        "server CPU per request");
    List<Target> targets = new ArrayList<>();
    for (Build build : List.of(Build.CORSGEN, Build.REFLECTIVE, Build.HEADERSONLY)) {
      for (Kind kind : build == Build.HEADERSONLY ? List.of(Kind.GET) : List.of(Kind.values())) {
        List<Run> baseline = baselines.get(build).get(kind);
        Sample throughput =
            perRound(runs.get(build).get(kind), baseline, Run::requestsPerSecond);
        Sample latency = perRound(runs.get(build).get(kind), baseline, Run::p99Millis);
        ratios.row(build.id() + " " + kind.name() + " ÷ no-CORS GET",
            throughput.describe("%.3f×"), latency.describe("%.3f×"),
            perRound(runs.get(build).get(kind), baseline, Run::serverCpuMicros)
                .describe("%.3f×"));
        if (build == Build.CORSGEN && kind == Kind.GET) {
          targets.add(new Target("2", "corsgen GET throughput ≥ 0.97× no-CORS",
              String.format(Locale.ROOT, "%.3f×", throughput.median()),
              throughput.median() >= 0.97));
        }
        if (build == Build.CORSGEN && kind == Kind.PREFLIGHT) {
          targets.add(new Target("2", "corsgen preflight throughput ≥ no-CORS GET",
              String.format(Locale.ROOT, "%.3f×", throughput.median()),
              throughput.median() >= 1.0));
        }
      }
    }
    // Each against its own neighbours first: the two slices are not side by side.
    List<Run> corsgenGets = runs.get(Build.CORSGEN).get(Kind.GET);
    List<Run> corsgenBaseline = baselines.get(Build.CORSGEN).get(Kind.GET);
    List<Run> headersOnly = runs.get(Build.HEADERSONLY).get(Kind.GET);
    List<Run> headersOnlyBaseline = baselines.get(Build.HEADERSONLY).get(Kind.GET);
    ratios.row("corsgen GET ÷ headersonly GET",
        relative(corsgenGets, corsgenBaseline, headersOnly, headersOnlyBaseline,
            Run::requestsPerSecond).describe("%.3f×"),
        relative(corsgenGets, corsgenBaseline, headersOnly, headersOnlyBaseline,
            Run::p99Millis).describe("%.3f×"),
        relative(corsgenGets, corsgenBaseline, headersOnly, headersOnlyBaseline,
            Run::serverCpuMicros).describe("%.3f×"));
    List<Run> noneBaseline = baselines.get(Build.NONE).get(Kind.PREFLIGHT);
    Sample nonePreflight =
        perRound(runs.get(Build.NONE).get(Kind.PREFLIGHT), noneBaseline,
            Run::requestsPerSecond);
    ratios.row("no-CORS OPTIONS (Jersey's) ÷ no-CORS GET", nonePreflight.describe("%.3f×"),
        perRound(runs.get(Build.NONE).get(Kind.PREFLIGHT), noneBaseline, Run::p99Millis)
            .describe("%.3f×"),
        perRound(runs.get(Build.NONE).get(Kind.PREFLIGHT), noneBaseline, Run::serverCpuMicros)
            .describe("%.3f×"));
    md.append(ratios).append('\n');
    if (!pipeline.isEmpty()) {
      md.append(pipelineReport(pipeline));
    }
    return new Section(md.toString(), targets);
  }

  /** The in-process breakdown's table, and how the GET's extra cost divides. */
  private String pipelineReport(List<PipelineRow> rows) {
    StringBuilder md = new StringBuilder("### Where a GET's time goes inside Jersey\n\n");
    md.append(String.format(Locale.ROOT, "`InProcessPipeline`, in its own JVM pinned like the"
        + " servers: Jersey's whole request pipeline (`ApplicationHandler.handle`, matching,"
        + " filters, the resource, reading every response header back as a container would)"
        + " without Grizzly or sockets, for the same `GET` with an allowed `Origin`. Slices of"
        + " 20,000 requests alternate between the contenders over %d rounds after equal"
        + " warm-ups; median ns per request, and the median of within-round ratios to the"
        + " no-CORS build (min–max). `emptyfilter` registers one response filter that does"
        + " nothing: what Jersey's response-filter stage costs.\n\n",
        settings.pipelineRounds()));
    Markdown table = new Markdown("build", "ns per GET", "÷ no-CORS GET");
    Map<String, Double> ratio = new LinkedHashMap<>();
    for (PipelineRow row : rows) {
      String build = row.contender().substring(row.contender().indexOf(':') + 1);
      ratio.put(build, row.ratio());
      table.row(build, String.format(Locale.ROOT, "%.0f", row.nanos()),
          String.format(Locale.ROOT, "%.3f× (%.3f×–%.3f×)", row.ratio(), row.min(), row.max()));
    }
    md.append(table).append('\n');
    // From the within-round ratios, which drift far less than the nanoseconds of far-apart slices.
    double none = rows.get(PIPELINE.indexOf("get:none")).nanos();
    md.append(String.format(Locale.ROOT, "In no-CORS GETs of %.0f ns, read from the ratios:"
        + " corsgen adds %+.0f ns, of which %+.0f ns are Jersey running a response filter at all"
        + " (`emptyfilter`), %+.0f ns putting the four headers into the response (`headersonly`"
        + " − `emptyfilter`) and %+.0f ns corsgen's own decision (`corsgen` − `headersonly`);"
        + " the reflective filter adds %+.0f ns. A term smaller than the spread of the ratios"
        + " it comes from is noise. Over the network each answer also carries the headers"
        + " through Grizzly's writer and the loopback, which the `headersonly` build pays in the"
        + " tables above.\n\n", none,
        (ratio.get("corsgen") - 1) * none, (ratio.get("emptyfilter") - 1) * none,
        (ratio.get("headersonly") - ratio.get("emptyfilter")) * none,
        (ratio.get("corsgen") - ratio.get("headersonly")) * none,
        (ratio.get("reflective") - 1) * none));
    return md.toString();
  }

  private static Sample rps(List<Run> runs) {
    Sample sample = new Sample();
    runs.forEach(run -> sample.add(run.requestsPerSecond()));
    return sample;
  }

  private static Sample p99(List<Run> runs) {
    Sample sample = new Sample();
    runs.forEach(run -> sample.add(run.p99Millis()));
    return sample;
  }

  private static Sample of(List<Run> runs, ToDoubleFunction<Run> value) {
    Sample sample = new Sample();
    runs.forEach(run -> sample.add(value.applyAsDouble(run)));
    return sample;
  }

  private static Sample perRound(List<Run> runs, List<Run> baseline,
      ToDoubleFunction<Run> value) {
    Sample sample = new Sample();
    for (int i = 0; i < Math.min(runs.size(), baseline.size()); i++) {
      sample.add(value.applyAsDouble(runs.get(i)) / value.applyAsDouble(baseline.get(i)));
    }
    return sample;
  }

  /** Per round, {@code a}'s ratio to its baseline over {@code b}'s to its own. */
  private static Sample relative(List<Run> a, List<Run> baseA, List<Run> b, List<Run> baseB,
      ToDoubleFunction<Run> value) {
    Sample sample = new Sample();
    int rounds = Math.min(Math.min(a.size(), baseA.size()), Math.min(b.size(), baseB.size()));
    for (int i = 0; i < rounds; i++) {
      sample.add(value.applyAsDouble(a.get(i)) / value.applyAsDouble(baseA.get(i))
          / (value.applyAsDouble(b.get(i)) / value.applyAsDouble(baseB.get(i))));
    }
    return sample;
  }

  /** Each build must answer as expected before it is measured. */
  private static void check(Build build, int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/api");
    HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri).header("Origin", APP)
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(uri)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", APP)
        .header("Access-Control-Request-Method", PREFLIGHT_METHOD)
        .header("Access-Control-Request-Headers", PREFLIGHT_HEADERS)
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    boolean cors = build != Build.NONE && build != Build.HEADERSONLY;
    String allowOrigin = get.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
    String preflightOrigin =
        preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
    boolean ok = get.statusCode() == 200 && "hello".equals(get.body())
        && (build != Build.NONE ? APP.equals(allowOrigin) : allowOrigin == null)
        && (cors ? preflight.statusCode() == 204 && APP.equals(preflightOrigin)
            : preflight.statusCode() == 200);
    if (!ok) {
      throw new IllegalStateException(build.id() + " answers unexpectedly: GET " + get.statusCode()
          + " " + get.headers().map() + "; OPTIONS " + preflight.statusCode() + " "
          + preflight.headers().map());
    }
  }

  private Path script(String name, String method, String headers) throws IOException {
    // No response() callback: with one, wrk copies every response header into a Lua table, so an
    // answer with more headers (every CORS answer) would cost the load generator more and be
    // measured as a slower server. The count is bounded by -d and checked after each run.
    String lua = "wrk.method = \"" + method + "\"\n" + headers;
    Path file = work.resolve(name);
    Files.writeString(file, lua);
    return file;
  }

  private Run wrk(Server server, Path script, int seconds) throws Exception {
    long serverTicks = cpuTicks(server.process().pid());
    long[] coresBefore = coreTicks();
    Run run = wrk(server.port(), script, seconds);
    long[] coresAfter = coreTicks();
    if (run.requests() > settings.maxRequests()) {
      throw new IllegalStateException("wrk sent " + run.requests() + " requests, more than the"
          + " bound of " + settings.maxRequests());
    }
    double cpuMicros = (cpuTicks(server.process().pid()) - serverTicks) * 1e6 / TICKS_PER_SECOND
        / Math.max(1, run.requests());
    return run.withCpu(cpuMicros, busy(coresBefore, coresAfter, 0),
        busy(coresBefore, coresAfter, 1));
  }

  /** USER_HZ: the unit of the CPU times in /proc on Linux. */
  private static final double TICKS_PER_SECOND = 100;

  /** User plus system time of a process so far, in clock ticks. */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    // Fields after the command name, which is in parentheses and may hold spaces.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** Per core (server, load): busy ticks and total ticks so far, from /proc/stat. */
  private static long[] coreTicks() throws IOException {
    long[] ticks = new long[4];
    for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
      for (int core = 0; core < 2; core++) {
        String id = core == 0 ? CORE_SERVER : CORE_LOAD;
        if (line.startsWith("cpu" + id + " ")) {
          String[] fields = line.trim().split("\\s+");
          long total = 0;
          for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
          }
          long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
          ticks[2 * core] = total - idle;
          ticks[2 * core + 1] = total;
        }
      }
    }
    return ticks;
  }

  private static double busy(long[] before, long[] after, int core) {
    long total = after[2 * core + 1] - before[2 * core + 1];
    return total == 0 ? 0 : (double) (after[2 * core] - before[2 * core]) / total;
  }

  private Run wrk(int port, Path script, int seconds) throws Exception {
    List<String> command = List.of("timeout", "--kill-after=5", String.valueOf(seconds + 30),
        "taskset", "-c", CORE_LOAD,
        "wrk", "-t1", "-c" + settings.connections(), "-d" + seconds + "s", "--latency",
        "--timeout", "5s", "-s", script.toString(), "http://127.0.0.1:" + port + "/api");
    return parse(Command.run(command));
  }

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)");
  private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern ERRORS = Pattern.compile("Socket errors: (.*)");

  static Run parse(String output) {
    Matcher rps = RPS.matcher(output);
    Matcher p99 = P99.matcher(output);
    Matcher count = COUNT.matcher(output);
    if (!rps.find() || !p99.find() || !count.find()) {
      throw new IllegalStateException("cannot read wrk's output:\n" + output);
    }
    Matcher errors = ERRORS.matcher(output);
    if (errors.find()) {
      throw new IllegalStateException("wrk saw socket errors: " + errors.group(1));
    }
    double latency = Double.parseDouble(p99.group(1));
    double millis = switch (p99.group(2)) {
      case "us" -> latency / 1000;
      case "s" -> latency * 1000;
      default -> latency;
    };
    Matcher non2xx = NON2XX.matcher(output);
    return new Run(Double.parseDouble(rps.group(1)), millis, Long.parseLong(count.group(1)),
        non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, 0, 0, 0);
  }

  static void log(String line) {
    System.out.println("[e2e] " + line);
    System.out.flush();
  }

  /** A server process pinned to its core; closing it closes its standard input. */
  private record Server(Process process, int port) implements AutoCloseable {

    static Server start(Build build, String classpath, Path work) throws Exception {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process process = new ProcessBuilder("taskset", "-c", CORE_SERVER, java.toString(),
          "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC",
          "-cp", classpath, BenchServer.class.getName(), build.id())
          .redirectError(work.resolve("server-" + build.id() + ".log").toFile())
          .start();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
              return Integer.parseInt(line.substring(6).trim());
            }
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("the " + build.id() + " server exited before READY");
      });
      try {
        return new Server(process, ready.get(60, TimeUnit.SECONDS));
      } catch (Exception e) {
        process.destroyForcibly();
        throw e;
      }
    }

    @Override
    public void close() throws IOException, InterruptedException {
      process.getOutputStream().close();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
