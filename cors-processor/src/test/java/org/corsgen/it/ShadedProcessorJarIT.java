package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar users put on their processor path, as {@code package} left it: shaded, relocated and
 * minimized. The unit tests run the processor from its classes with its dependencies beside it,
 * so only this test would notice a class the shade plugin dropped or failed to relocate. Runs in
 * the {@code integration-test} phase, after the jar exists.
 */
class ShadedProcessorJarIT {

  private static Path jar;

  @TempDir
  Path work;

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("corsgen.processorJar", "target/missing.jar"));
    assertTrue(Files.isRegularFile(jar), "no processor jar at " + jar + "; run mvn verify");
  }

  @Test
  void bringsNothingUnrelocated() throws IOException {
    try (JarFile contents = new JarFile(jar.toFile())) {
      List<String> strays = contents.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.endsWith(".class"))
          .filter(name -> !name.startsWith("org/corsgen/processor/") && !name.equals("module-info.class"))
          .toList();
      assertEquals(List.of(), strays);
      assertTrue(contents.getEntry("META-INF/services/javax.annotation.processing.Processor") != null);
    }
  }

  @Test
  void generatesBindingsForASubdomainPattern() throws IOException {
    Result result = compile("https://*.shop.example.com");
    assertEquals(0, result.status, result.output);
    assertTrue(Files.exists(result.classes.resolve("shop/Cors_Items.class")), result.output);
    assertTrue(Files.readAllLines(result.classes.resolve("META-INF/corsgen/index"))
        .contains("shop.Items shop.Cors_Items"), result.output);
  }

  /** The Public Suffix List travels in the jar: both of its sections. */
  @Test
  void refusesPatternsUnderPublicSuffixes() throws IOException {
    for (String suffix : List.of("co.uk", "github.io")) {
      Result result = compile("https://*." + suffix);
      assertEquals(1, result.status, result.output);
      assertTrue(result.output.contains("\"" + suffix + "\", a public suffix"), result.output);
    }
  }

  /**
   * The warning about an origin a pattern already allows asks the runtime's matcher, which must
   * travel in the jar too; and a pattern over a name with public suffixes below it is refused.
   */
  @Test
  void usesTheRuntimesOriginMatcherAndTheSuffixesBelowANames() throws IOException {
    Result covered = compile("https://a.shop.example.com\", \"https://*.shop.example.com");
    assertEquals(0, covered.status, covered.output);
    assertTrue(covered.output.contains("[CorsOriginCovered]"), covered.output);

    Result below = compile("https://*.amazonaws.com");
    assertEquals(1, below.status, below.output);
    assertTrue(below.output.contains("rule \"s3.amazonaws.com\""), below.output);
  }

  private record Result(int status, String output, Path classes) {
    Result {
      // Whatever else a case expects, the processor itself must not have failed.
      assertFalse(output.contains("CorsInternalError"), output);
    }
  }

  private Result compile(String origin) throws IOException {
    Path sources = Files.createDirectories(work.resolve("src/shop"));
    Path source = sources.resolve("Items.java");
    Files.writeString(source, "package shop;\n"
        + "import jakarta.ws.rs.GET;\n"
        + "import jakarta.ws.rs.Path;\n"
        + "import org.corsgen.Cors;\n"
        + "@Path(\"/items\")\n"
        + "@Cors(origins = {\"" + origin + "\"})\n"
        + "public class Items {\n"
        + "  @GET public String get() { return \"\"; }\n"
        + "}\n");
    Path out = Files.createDirectories(work.resolve("classes-" + Math.abs(origin.hashCode())));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      int status = ToolProvider.getSystemJavaCompiler().run(null, print, print,
          "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
          "-processorpath", jar.toString(), source.toString());
      return new Result(status, output.toString(StandardCharsets.UTF_8), out);
    }
  }
}
