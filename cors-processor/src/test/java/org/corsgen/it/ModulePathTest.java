package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.module.ModuleFinder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named module compiled with the processor and run on the module path: corsgen's jars work as
 * the automatic modules they declare, and the generated code compiles inside a module.
 */
class ModulePathTest {

  /** The jars of corsgen and Jersey on Grizzly; test libraries stay off the module path. */
  private static final List<String> MODULES = List.of("cors-annotations", "cors-runtime",
      "jersey-server", "jersey-client", "jersey-common", "jersey-hk2",
      "jersey-container-grizzly2-http", "jakarta.", "grizzly-", "osgi-resource-locator", "hk2-",
      "aopalliance-repackaged", "javassist");

  /** What a reactor build without packaging leaves on the class path instead of our jars. */
  private static final Map<String, String> MODULE_NAMES = Map.of(
      "cors-annotations", "org.corsgen.annotations",
      "cors-runtime", "org.corsgen.runtime");

  @TempDir
  Path work;

  /**
   * The fixture's module-info names Jersey's modules as Jersey 4 declares them; Jersey 3.1 ships
   * without module descriptors, under file-name module names, so this runs with Jersey 4 only.
   */
  @BeforeEach
  void requireModularJersey() {
    Optional<String> jerseyServer = Stream.of(
            System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> Path.of(entry).getFileName().toString().startsWith("jersey-server"))
        .flatMap(entry -> ModuleFinder.of(Path.of(entry)).findAll().stream())
        .map(module -> module.descriptor().name())
        .findFirst();
    assumeTrue(jerseyServer.equals(Optional.of("org.glassfish.jersey.core.server")),
        "Jersey without module descriptors: " + jerseyServer);
  }

  @Test
  void applicationOnTheModulePathAnswersPreflights() throws Exception {
    String modulePath = modulePath();
    Path classes = work.resolve("classes");
    Path generated = work.resolve("generated");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null,
        "-d", classes.toString(),
        "-s", generated.toString(),
        "--module-path", modulePath,
        "--module-source-path", Paths.get(getClass().getResource("/modulepath").toURI()).toString(),
        "--module", "com.example.demo",
        "-processorpath", System.getProperty("java.class.path"));
    assertEquals(0, status, "the module and its generated code compile");
    assertTrue(Files.readString(generated.resolve(
            "com.example.demo/com/example/demo/Cors_Items.java"))
        .contains("@Generated(\"org.corsgen.processor.CorsProcessor\")"),
        "@Generated is kept where the module reads java.compiler");

    Process app = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", modulePath + File.pathSeparator + classes.resolve("com.example.demo"),
        "--module", "com.example.demo/com.example.demo.Main")
        .redirectErrorStream(true)
        .start();
    try (OutputStream stdin = app.getOutputStream();
        BufferedReader out = new BufferedReader(
            new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      String port = awaitPort(out);
      HttpResponse<Void> preflight = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1).build()
          .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items"))
              .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
              .header("Origin", "https://app.example.com")
              .header("Access-Control-Request-Method", "GET")
              .timeout(Duration.ofSeconds(10))
              .build(), HttpResponse.BodyHandlers.discarding());
      assertEquals(204, preflight.statusCode());
      assertEquals("https://app.example.com",
          preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    } finally {
      app.destroy();
    }
  }

  @Test
  void moduleThatDoesNotReadJavaCompilerGetsCodeWithoutGenerated() throws Exception {
    Path sources = work.resolve("src/com.example.demo");
    Path original = Paths.get(getClass().getResource("/modulepath/com.example.demo").toURI());
    try (Stream<Path> files = Files.walk(original)) {
      for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
        Path copy = sources.resolve(original.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, Files.readString(file)
            .replace("requires static java.compiler;", ""));
      }
    }
    Path generated = work.resolve("generated");
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", work.resolve("classes").toString(),
        "-s", generated.toString(),
        "--module-path", modulePath(),
        "--module-source-path", work.resolve("src").toString(),
        "--module", "com.example.demo",
        "-processorpath", System.getProperty("java.class.path"));
    assertEquals(0, status);
    assertTrue(!Files.readString(generated.resolve(
        "com.example.demo/com/example/demo/Cors_Items.java")).contains("@Generated"));
  }

  private static String awaitPort(BufferedReader out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("port ")) {
        return line.substring(5);
      }
      lines.add(line);
    }
    throw new AssertionError("the application did not start:\n" + String.join("\n", lines));
  }

  private String modulePath() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      if (Files.isDirectory(path) && path.endsWith(Path.of("target", "classes"))) {
        String module = path.getParent().getParent().getFileName().toString();
        if (MODULE_NAMES.containsKey(module)) {
          entries.add(jar(path, module).toString());
        }
      } else if (MODULES.stream().anyMatch(name::startsWith)) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Packs a module's classes the way its jar is packed, with its Automatic-Module-Name. */
  private Path jar(Path classes, String module) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Automatic-Module-Name", MODULE_NAMES.get(module));
    Path jar = work.resolve(module + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
        String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
        if (!name.equals("META-INF/MANIFEST.MF")) {
          out.putNextEntry(new java.util.jar.JarEntry(name));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
    }
    return jar;
  }
}
