package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.corsgen.runtime.internal.CorsIndex;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Main and test code often share a package, each compilation with its own index and generated
 * class. Both must end up on one class path without either hiding the other's bindings,
 * which is why that class is named after one of its own resources rather than after the package.
 */
class SplitPackageTest {

  @TempDir
  Path work;

  @Test
  void twoCompilationsOfOnePackageKeepTheirOwnBindings() throws Exception {
    Path main = compile("main", "Items", "https://main.example.com", List.of());
    Path test = compile("test", "Fixtures", "https://test.example.com", List.of(main));

    assertTrue(Files.exists(main.resolve("shop/Cors_Items.class")));
    assertTrue(Files.exists(test.resolve("shop/Cors_Fixtures.class")));
    // Test classes come first on a test class path, as Maven and Gradle put them.
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {test.toUri().toURL(), main.toUri().toURL()},
        SplitPackageTest.class.getClassLoader())) {
      CorsIndex index = CorsIndex.forApplication(new ResourceConfig());
      assertEquals(List.of(true, false),
          allows(index, loader.loadClass("shop.Items"), "https://main.example.com"));
      assertEquals(List.of(false, true),
          allows(index, loader.loadClass("shop.Fixtures"), "https://test.example.com"));
    }
  }

  /** Whether the GET policy of {@code resource} allows the main, then the test origin. */
  private static List<Boolean> allows(CorsIndex index, Class<?> resource, String expected)
      throws NoSuchMethodException {
    CorsPolicy policy = index.policyFor(resource, resource.getMethod("get")).orElseThrow();
    assertTrue(policy.allowsOrigin(expected));
    return List.of(policy.allowsOrigin("https://main.example.com"),
        policy.allowsOrigin("https://test.example.com"));
  }

  private Path compile(String name, String resource, String origin, List<Path> classPath)
      throws IOException {
    Path sources = work.resolve(name + "-src/shop");
    Files.createDirectories(sources);
    Path source = sources.resolve(resource + ".java");
    Files.writeString(source, "package shop;\n"
        + "import jakarta.ws.rs.GET;\n"
        + "import jakarta.ws.rs.Path;\n"
        + "import org.corsgen.Cors;\n"
        + "@Path(\"/" + resource.toLowerCase() + "\")\n"
        + "@Cors(origins = \"" + origin + "\")\n"
        + "public class " + resource + " {\n"
        + "  @GET public String get() { return \"\"; }\n"
        + "}\n");
    Path out = Files.createDirectories(work.resolve(name + "-classes"));
    StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
    classPath.forEach(entry -> path.append(File.pathSeparator).append(entry));
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", out.toString(), "-cp", path.toString(),
        "-processorpath", System.getProperty("java.class.path"), source.toString());
    assertEquals(0, status, "javac failed for " + name);
    return out;
  }
}
