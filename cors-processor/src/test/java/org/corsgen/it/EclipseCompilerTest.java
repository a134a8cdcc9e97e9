package org.corsgen.it;

import static org.corsgen.it.CorsOnTheWireTest.assertNoCorsGrant;
import static org.corsgen.it.CorsOnTheWireTest.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.corsgen.processor.CorsProcessor;
import org.corsgen.runtime.CorsFeature;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor inside Eclipse's compiler (ECJ), which the Eclipse IDE runs annotation processors
 * in: its elements and its diagnostics are its own implementation of javax.lang.model, not javac's.
 * The same sources get the same diagnostics, the same index and policy report, and generated code
 * that serves the same answers.
 */
class EclipseCompilerTest {

  private static final String APP = "https://app.example.com";

  @TempDir
  Path work;

  /** A policy mistake of each kind the processor's stages find, and one left alone. */
  private static final Map<String, String> BAD = Map.of(
      "bad/Origins.java", """
          package bad;

          final class Origins {
            static final String APP = "https://app.example.com";

            private Origins() {}
          }
          """,
      "bad/Mixed.java", """
          package bad;

          import jakarta.ws.rs.*;
          import org.corsgen.Cors;

          @Path("/mixed")
          @Cors(origins = {Origins.APP, "https://*.com", "app.example.org"},
              allowHeaders = {"Content-Type", "X Y"}, methods = {"PUT", "patch"})
          public class Mixed {
            @GET public String get() { return ""; }
            @PUT public void put(String body) {}
          }
          """,
      "bad/Credentialed.java", """
          package bad;

          import jakarta.ws.rs.*;
          import org.corsgen.Cors;

          @Path("/credentialed")
          @Cors(origins = Origins.APP + "/", allowCredentials = true, exposeHeaders = "*",
              maxAge = 100000)
          public class Credentialed {
            @GET public String get() { return ""; }

            @Cors(origins = "*", allowCredentials = true)
            @DELETE public void delete() {}
          }
          """,
      // One method at the path: where a message names one of several, it names the first of
      // getEnclosedElements(), which ECJ does not give in source order.
      "bad/Answered.java", """
          package bad;

          import jakarta.ws.rs.*;
          import org.corsgen.Cors;

          @Path("/answered")
          @Cors(origins = Origins.APP)
          public class Answered {
            @PUT public void put(String body) {}

            @OPTIONS public String options() { return ""; }
          }
          """,
      "bad/Headers.java", """
          package bad;

          import jakarta.ws.rs.*;
          import org.corsgen.Cors;

          @Path("/headers")
          @Cors(origins = Origins.APP, allowHeaders = "Content-Type")
          public class Headers {
            @PUT public void put(@HeaderParam("X-Tenant") String tenant, String body) {}

            @POST public void post(@HeaderParam("X-Quiet") @SuppressWarnings("CorsHeaderParamNotAllowed")
                String quiet) {}
          }
          """,
      "bad/Api.java", """
          package bad;

          import jakarta.ws.rs.*;
          import org.corsgen.Cors;

          @Path("/api")
          @Cors(origins = "https://*.example.com", allowHeaders = "*", allowCredentials = true)
          public interface Api {
            @GET String get();
          }
          """,
      "bad/Lines.java", """
          package bad;

          import jakarta.ws.rs.*;
          import org.corsgen.Cors;

          @Cors(origins = "${lines.origins:https://app.example.com:6000}")
          public class Lines {
            @GET public String list() { return ""; }
          }
          """);

  @Test
  void diagnosticsAreJavacs() throws Exception {
    List<String> javac = diagnostics(compile(ToolProvider.getSystemJavaCompiler(), BAD, "javac"));
    List<String> ecj = diagnostics(compile(new EclipseCompiler(), BAD, "ecj"));
    assertTrue(javac.size() >= 10, String.join("\n", javac));
    assertEquals(javac, ecj);
  }

  /** Two packages, class and method policies, a sub-resource and an inherited {@code @Path}. */
  private static final Map<String, String> GOOD = Map.of(
      "good/Items.java", """
          package good;

          import jakarta.ws.rs.*;
          import org.corsgen.Cors;

          @Path("/items")
          @Cors(origins = "https://app.example.com", allowHeaders = "Content-Type",
              exposeHeaders = "X-Total-Count", maxAge = 600)
          public class Items {
            @GET public String list() { return "items"; }
            @PUT @Path("{id}") public String put(@PathParam("id") String id, String body) {
              return id;
            }
            @Cors(origins = "https://admin.example.com", allowCredentials = true)
            @DELETE @Path("{id}") public void delete(@PathParam("id") String id) {}
            @Path("{id}/lines") public Lines lines() { return new Lines(); }
          }
          """,
      "good/Lines.java", """
          package good;

          import jakarta.ws.rs.*;
          import org.corsgen.Cors;

          @Cors(origins = "https://*.example.com", methods = "POST")
          public class Lines {
            @GET public String list() { return "lines"; }
            @POST public String add(String line) { return line; }
          }
          """,
      "good/more/PartsApi.java", """
          package good.more;

          import jakarta.ws.rs.*;
          import org.corsgen.Cors;

          @Path("/parts")
          public interface PartsApi {
            @Cors(origins = "https://app.example.com")
            @GET String list();
          }
          """,
      "good/more/Parts.java", """
          package good.more;

          public class Parts implements PartsApi {
            @Override public String list() { return "parts"; }
          }
          """);

  @Test
  void indexAndPolicyReportAreJavacs() throws Exception {
    compile(ToolProvider.getSystemJavaCompiler(), GOOD, "javac");
    compile(new EclipseCompiler(), GOOD, "ecj");
    Map<String, String> javac = corsgenFiles(work.resolve("javac/classes"));
    assertEquals(List.of("META-INF/corsgen/cors-policies.json", "META-INF/corsgen/cors-policies.md",
        "META-INF/corsgen/index", "META-INF/corsgen/packages/good/index.cors",
        "META-INF/corsgen/packages/good/more/index.cors"), List.copyOf(javac.keySet()));
    assertEquals(javac, corsgenFiles(work.resolve("ecj/classes")));
  }

  /**
   * Maven with Eclipse's compiler (plexus-compiler-eclipse) and no incremental compilation, say,
   * recompiles only what changed, against the class files of the rest, among them the classes
   * corsgen generated; ECJ's batch Filer will not create those again.
   */
  @Test
  void recompilingOneClassKeepsWhatAFullBuildServes() throws Exception {
    compile(ToolProvider.getSystemJavaCompiler(), GOOD, "javac");
    compile(new EclipseCompiler(), GOOD, "ecj");
    for (int rebuild = 0; rebuild < 2; rebuild++) {
      List<String> errors = diagnostics(compile(new EclipseCompiler(),
          Map.of("good/Lines.java", GOOD.get("good/Lines.java")), "ecj"));
      assertEquals(List.of(), errors);
    }
    Map<String, String> javac = corsgenFiles(work.resolve("javac/classes"));
    Map<String, String> ecj = corsgenFiles(work.resolve("ecj/classes"));
    assertEquals(javac.get("META-INF/corsgen/cors-policies.json"),
        ecj.get("META-INF/corsgen/cors-policies.json"));
    // Every class is generated again, under a new name each time.
    assertEquals("""
        # Generated by corsgen: the resources of package good.more, <resource class> <generated CORS class>
        good.more.Parts good.more.Cors_Parts_3
        """, ecj.get("META-INF/corsgen/packages/good/more/index.cors"));
    assertEquals("""
        # Generated by corsgen: the resources of package good, <resource class> <generated CORS class>
        good.Items good.Cors_Items_3
        good.Lines good.Cors_Items_3
        """, ecj.get("META-INF/corsgen/packages/good/index.cors"));
    assertAnswers(work.resolve("ecj/classes"));
  }

  @Test
  void generatedCodeAnswersAsJavacs() throws Exception {
    compile(new EclipseCompiler(), GOOD, "ecj");
    assertAnswers(work.resolve("ecj/classes"));
  }

  private static void assertAnswers(Path classes) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
            EclipseCompilerTest.class.getClassLoader());
        JerseyServer server = new JerseyServer(new ResourceConfig()
            .registerClasses(loader.loadClass("good.Items"), loader.loadClass("good.more.Parts"))
            .register(CorsFeature.class))) {
      HttpResponse<String> preflight = server.send("OPTIONS", "/items/7",
          "Origin", APP, "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", "content-type");
      assertEquals(204, preflight.statusCode());
      assertEquals(Optional.of(APP), header(preflight, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("PUT"), header(preflight, "Access-Control-Allow-Methods"));
      assertEquals(Optional.of("Content-Type"), header(preflight, "Access-Control-Allow-Headers"));
      assertEquals(Optional.of("600"), header(preflight, "Access-Control-Max-Age"));

      HttpResponse<String> delete = server.send("OPTIONS", "/items/7",
          "Origin", "https://admin.example.com", "Access-Control-Request-Method", "DELETE");
      assertEquals(204, delete.statusCode());
      assertEquals(Optional.of("true"), header(delete, "Access-Control-Allow-Credentials"));
      assertNoCorsGrant(server.send("OPTIONS", "/items/7",
          "Origin", APP, "Access-Control-Request-Method", "DELETE"));

      HttpResponse<String> list = server.send("GET", "/items", "Origin", APP);
      assertEquals("items", list.body());
      assertEquals(Optional.of(APP), header(list, "Access-Control-Allow-Origin"));
      assertEquals(Optional.of("X-Total-Count"), header(list, "Access-Control-Expose-Headers"));

      HttpResponse<String> line = server.send("POST", "/items/7/lines",
          "Origin", "https://shop.example.com", "Content-Type", "text/plain");
      assertEquals("{}", line.body());
      assertEquals(Optional.of("https://shop.example.com"),
          header(line, "Access-Control-Allow-Origin"));
      assertNoCorsGrant(server.send("GET", "/items/7/lines", "Origin", "https://shop.example.com"));

      HttpResponse<String> parts = server.send("OPTIONS", "/parts",
          "Origin", APP, "Access-Control-Request-Method", "GET");
      assertEquals(204, parts.statusCode());
      assertEquals(Optional.of(APP), header(parts, "Access-Control-Allow-Origin"));
    }
  }

  private DiagnosticCollector<JavaFileObject> compile(JavaCompiler compiler,
      Map<String, String> sources, String name) throws IOException {
    Path root = work.resolve(name);
    // A second compilation into the same classes is a partial one: they are on its class path.
    Path src = Files.createDirectories(root.resolve("src"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : new TreeMap<>(sources).entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    Path classes = Files.createDirectories(root.resolve("classes"));
    Path generated = Files.createDirectories(root.resolve("generated"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      // ECJ prints its diagnostics too, to System.err unless given a writer.
      JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), fileManager, diagnostics,
          List.of("-17", "-d", classes.toString(), "-s", generated.toString(),
              "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"))
              .subList(compiler instanceof EclipseCompiler ? 0 : 1, 7),
          null, fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new CorsProcessor()));
      task.call();
    }
    return diagnostics;
  }

  /**
   * Each diagnostic's kind, file, and text, sorted: ECJ underlines the annotation where javac
   * points at the value, and reports in an order of its own.
   */
  private static List<String> diagnostics(DiagnosticCollector<JavaFileObject> collector) {
    return collector.getDiagnostics().stream()
        .filter(diagnostic -> diagnostic.getMessage(Locale.ROOT).startsWith("[Cors"))
        .map(diagnostic -> diagnostic.getKind() + " "
            + (diagnostic.getSource() == null ? "-"
                : Path.of(diagnostic.getSource().toUri()).getFileName()) + " "
            + diagnostic.getMessage(Locale.ROOT))
        .sorted()
        .toList();
  }

  private static Map<String, String> corsgenFiles(Path classes) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(classes.resolve("META-INF/corsgen"))) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(classes.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
