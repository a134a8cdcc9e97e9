package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
 * Main and test classes of one package, compiled into outputs of their own with the main classes
 * on the test compilation's class path, as Maven and Gradle do. The class generated for the test
 * package must not take the name of the main one's, or one would hide the other.
 */
class SeparateOutputsTest {

  @TempDir
  Path work;

  @Test
  void testPackageWhoseGeneratedNameTheMainOneHasGetsAnotherName() throws Exception {
    // shop.A_B names the main package's class Cors_A_B; shop.A.B would name the test's so too.
    Path main = compile("main", "shop/A_B.java", """
        package shop;
        @jakarta.ws.rs.Path("/main")
        @org.corsgen.Cors(origins = "https://main.example.com")
        public class A_B { @jakarta.ws.rs.GET public String get() { return ""; } }
        """, null);
    Path test = compile("test", "shop/A.java", """
        package shop;
        public class A {
          @jakarta.ws.rs.Path("/test")
          @org.corsgen.Cors(origins = "https://test.example.com")
          public static class B { @jakarta.ws.rs.GET public String get() { return ""; } }
        }
        """, main);
    assertTrue(Files.exists(test.resolve("shop/Cors_A_B_2.class")));

    // Either output first on the class path, as a test run has them: each resource answers.
    for (List<Path> order : List.of(List.of(test, main), List.of(main, test))) {
      try (URLClassLoader loader = new URLClassLoader(new URL[] {
              order.get(0).toUri().toURL(), order.get(1).toUri().toURL()},
          SeparateOutputsTest.class.getClassLoader())) {
        assertEquals(true, policy(loader, "shop.A_B").allowsOrigin("https://main.example.com"));
        assertEquals(true, policy(loader, "shop.A$B").allowsOrigin("https://test.example.com"));
      }
    }
  }

  private static CorsPolicy policy(ClassLoader loader, String resource) throws Exception {
    Class<?> type = loader.loadClass(resource);
    return CorsIndex.forApplication(new ResourceConfig())
        .policyFor(type, type.getMethod("get")).orElseThrow();
  }

  private Path compile(String name, String file, String source, Path classPath)
      throws Exception {
    Path src = work.resolve(name + "-src").resolve(file);
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(work.resolve(name));
    String path = (classPath == null ? "" : classPath + File.pathSeparator)
        + System.getProperty("java.class.path");
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", classes.toString(), "-cp", path,
        "-processorpath", System.getProperty("java.class.path"), src.toString()));
    return classes;
  }
}
