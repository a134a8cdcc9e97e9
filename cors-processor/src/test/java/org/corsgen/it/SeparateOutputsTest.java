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

  /** Named Cors_A_B in the main package; the test package's shop.A.B would be so too. */
  private static final String MAIN_A_B = """
      package shop;
      @jakarta.ws.rs.Path("/main")
      @org.corsgen.Cors(origins = "https://main.example.com")
      public class A_B { @jakarta.ws.rs.GET public String get() { return ""; } }
      """;
  private static final String TEST_A_B = """
      package shop;
      public class A {
        @jakarta.ws.rs.Path("/test")
        @org.corsgen.Cors(origins = "https://test.example.com")
        public static class B { @jakarta.ws.rs.GET public String get() { return ""; } }
      }
      """;
  private static final String ITEMS = """
      package shop;
      @jakarta.ws.rs.Path("/items")
      @org.corsgen.Cors(origins = "https://app.example.com")
      public class Items { @jakarta.ws.rs.GET public String get() { return ""; } }
      """;
  private static final String ORDERS = """
      package shop;
      @jakarta.ws.rs.Path("/orders")
      @org.corsgen.Cors(origins = "https://app.example.com")
      public class Orders { @jakarta.ws.rs.GET public String get() { return ""; } }
      """;

  @Test
  void testPackageWhoseGeneratedNameTheMainOneHasGetsAnotherName() throws Exception {
    Path main = compile("main", "shop/A_B.java", MAIN_A_B, null);
    Path test = compile("test", "shop/A.java", TEST_A_B, main);
    assertTrue(Files.exists(test.resolve("shop/Cors_A_B_2.class")));
    // Built again, with its own output on the class path as build tools have it: the same name.
    for (int build = 0; build < 2; build++) {
      compile("test", "shop/A.java", TEST_A_B,
          test + File.pathSeparator + main);
    }
    assertTrue(!Files.exists(test.resolve("shop/Cors_A_B_3.class")));
    assertTrue(Files.readString(test.resolve("META-INF/corsgen/index"))
        .contains("shop.A$B shop.Cors_A_B_2\n"));

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

  /**
   * The test output built first, when the main package had no class of that name, and not built
   * clean after the main one gained it: both have a shop.Cors_A_B. The one loaded answers for its
   * own resources only; start-up says which resource gets no CORS, and why.
   */
  @Test
  void generatedClassHiddenByAnotherOutputsIsWarnedAbout() throws Exception {
    Path main = compile("main", "shop/Z.java", """
        package shop;
        public class Z {}
        """, null);
    Path test = compile("test", "shop/A.java", TEST_A_B, null);
    compile("main", "shop/A_B.java", MAIN_A_B, main);
    assertTrue(Files.exists(test.resolve("shop/Cors_A_B.class")));
    assertTrue(Files.exists(main.resolve("shop/Cors_A_B.class")));

    try (LogCapture log = new LogCapture("org.corsgen", null);
        URLClassLoader loader = new URLClassLoader(new URL[] {
            test.toUri().toURL(), main.toUri().toURL()},
            SeparateOutputsTest.class.getClassLoader())) {
      Class<?> hidden = loader.loadClass("shop.A_B");
      assertEquals(java.util.Optional.empty(), CorsIndex.forApplication(new ResourceConfig())
          .policyFor(hidden, hidden.getMethod("get")));
      List<String> warnings = log.records().stream()
          .filter(record -> record.getLevel() == java.util.logging.Level.WARNING)
          .map(record -> new java.util.logging.SimpleFormatter().formatMessage(record))
          .toList();
      assertEquals(1, warnings.size(), warnings::toString);
      assertTrue(warnings.get(0).contains("names shop.Cors_A_B for shop.A_B, but the class path"
          + " loads shop.Cors_A_B from " + test.toUri().toURL() + "shop/Cors_A_B.class"),
          warnings.get(0));
    }
  }

  /**
   * Maven's compiler plugin before 3.13 deletes the class files it wrote before it compiles again,
   * and puts the generated sources it leaves on the source path: the last build's generated class
   * is then a source there, of this output's, and keeps its name.
   */
  @Test
  void rebuildWithTheLastGeneratedSourcesOnTheSourcePathKeepsTheirNames() throws Exception {
    Path src = write("src", "shop/Items.java", ITEMS);
    Path out = work.resolve("out");
    Path gen = work.resolve("gen");
    for (int build = 0; build < 2; build++) {
      Files.createDirectories(out);
      Files.createDirectories(gen);
      try (var classes = Files.walk(out)) {
        for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
          Files.delete(file);
        }
      }
      assertEquals(0, javac("-d", out.toString(), "-s", gen.toString(),
          "-sourcepath", src.getParent().getParent() + File.pathSeparator + gen,
          "-cp", out + File.pathSeparator + System.getProperty("java.class.path"),
          src.toString()));
    }
    assertTrue(Files.readString(out.resolve("META-INF/corsgen/index"))
        .contains("shop.Items shop.Cors_Items\n"));
  }

  /**
   * The class output missing from the class path, while the generated sources are on the source
   * path: those do not show that the class output is on the class path, and the error stands.
   */
  @Test
  void generatedSourcesOnTheSourcePathDoNotHideAMissingClassOutput() throws Exception {
    Path items = write("src", "shop/Items.java", ITEMS);
    Path orders = write("src", "shop/Orders.java", ORDERS);
    Path out = Files.createDirectories(work.resolve("out"));
    Path gen = Files.createDirectories(work.resolve("gen"));
    assertEquals(0, javac("-d", out.toString(), "-s", gen.toString(),
        "-cp", System.getProperty("java.class.path"), items.toString(), orders.toString()));
    String index = Files.readString(out.resolve("META-INF/corsgen/index"));

    assertEquals(1, javac("-d", out.toString(), "-s", gen.toString(), "-sourcepath",
        gen.toString(), "-cp", System.getProperty("java.class.path"), orders.toString()));
    assertEquals(index, Files.readString(out.resolve("META-INF/corsgen/index")));
  }

  private static CorsPolicy policy(ClassLoader loader, String resource) throws Exception {
    Class<?> type = loader.loadClass(resource);
    return CorsIndex.forApplication(new ResourceConfig())
        .policyFor(type, type.getMethod("get")).orElseThrow();
  }

  private Path compile(String name, String file, String source, Object classPath)
      throws Exception {
    Path src = write(name + "-src", file, source);
    Path classes = Files.createDirectories(work.resolve(name));
    String path = (classPath == null ? "" : classPath + File.pathSeparator)
        + System.getProperty("java.class.path");
    assertEquals(0, javac("-d", classes.toString(), "-cp", path, src.toString()));
    return classes;
  }

  private Path write(String directory, String file, String source) throws Exception {
    Path src = work.resolve(directory).resolve(file);
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    return src;
  }

  private static int javac(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(
        "-processorpath", System.getProperty("java.class.path")));
    all.addAll(List.of(args));
    return ToolProvider.getSystemJavaCompiler().run(null, null, null, all.toArray(new String[0]));
  }
}
