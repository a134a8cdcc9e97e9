package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.corsgen.runtime.internal.CorsIndex;
import org.corsgen.runtime.spi.CorsBindings;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application jar merged from several modules (maven-shade, the assembly plugin's
 * jar-with-dependencies) keeps the first file of each name, as those tools do unless told to
 * merge it: every module's resources must keep their policies.
 */
class MergedJarTest {

  @TempDir Path work;

  @Test
  void everyModulesResourcesKeepTheirPoliciesInAJarMergedFirstWins() throws Exception {
    Path alpha = compileModule("alpha", "Alpha", "alpha.example.com");
    Path beta = compileModule("beta", "Beta", "beta.example.com");
    Path merged = work.resolve("app.jar");
    mergeFirstWins(merged, alpha, beta);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {merged.toUri().toURL()},
        MergedJarTest.class.getClassLoader())) {
      // The hazard itself: one module's list of resources replaced the other's.
      String list = new String(loader.getResource(CorsBindings.INDEX).openStream().readAllBytes());
      assertFalse(list.contains("beta.Beta"), list);

      CorsIndex index = CorsIndex.forApplication(new ResourceConfig());
      assertAllows(index, loader.loadClass("alpha.Alpha"), "https://alpha.example.com");
      assertAllows(index, loader.loadClass("beta.Beta"), "https://beta.example.com");
    }
  }

  /** A binary name longer than a file name may be is as fine as its class file is. */
  @Test
  void aResourceWhoseNameIsLongerThanAFileNameKeepsItsPolicy() throws Exception {
    String segment = "averyveryverylongpackagesegmentnumber";
    String module = segment + "one." + segment + "two." + segment + "three." + segment + "four."
        + segment + "five";
    String resource = "AFairlyLongResourceClassNameForTheOrdersOfTheShop";
    assertTrue((module + "." + resource).length() > 255);
    Path classes = compileModule(module, resource, segment + "five.example.com");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        MergedJarTest.class.getClassLoader())) {
      assertAllows(CorsIndex.forApplication(new ResourceConfig()),
          loader.loadClass(module + "." + resource), "https://" + segment + "five.example.com");
    }
  }

  /**
   * Two modules with resources in one package each write that package's index file: a merge that
   * keeps one loses the other's resources (README, "merged jar"), one that appends the file, as
   * shade's {@code AppendingTransformer} does, keeps both.
   */
  @Test
  void aPackageSplitAcrossModulesKeepsBothWhenItsIndexFileIsAppended() throws Exception {
    Path orders = compileModule("shop", "Orders", "orders.example.com");
    Path carts = compileModule("shop", "Carts", "carts.example.com");
    String file = CorsBindings.PACKAGE_INDEX + "shop/" + CorsBindings.PACKAGE_INDEX_FILE;
    Path appended = Files.createDirectories(work.resolve("appended"));
    Files.createDirectories(appended.resolve(file).getParent());
    Files.writeString(appended.resolve(file),
        Files.readString(orders.resolve(file)) + Files.readString(carts.resolve(file)));
    Path merged = work.resolve("app.jar");
    mergeFirstWins(merged, appended, orders, carts);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {merged.toUri().toURL()},
        MergedJarTest.class.getClassLoader())) {
      CorsIndex index = CorsIndex.forApplication(new ResourceConfig());
      assertAllows(index, loader.loadClass("shop.Orders"), "https://orders.example.com");
      assertAllows(index, loader.loadClass("shop.Carts"), "https://carts.example.com");
    }
  }

  /**
   * Compiles one module, its resource in package {@code module}, allowing {@code host}, as its
   * own build would, into its own classes.
   */
  private Path compileModule(String module, String resource, String host) throws IOException {
    Path source = work.resolve(resource + "-src/" + module.replace('.', '/') + "/" + resource
        + ".java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package " + module + ";\n"
        + "import jakarta.ws.rs.GET;\n"
        + "import jakarta.ws.rs.Path;\n"
        + "import org.corsgen.Cors;\n"
        + "@Path(\"/" + module + "\")\n"
        + "@Cors(origins = \"https://" + host + "\")\n"
        + "public class " + resource + " {\n"
        + "  @GET public String get() { return \"\"; }\n"
        + "}\n");
    Path classes = Files.createDirectories(work.resolve(resource + "-classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath = System.getProperty("java.class.path");
    int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath,
        "-processorpath", classPath, source.toString());
    assertEquals(0, status, "compiled " + module);
    return classes;
  }

  /** Copies every file of the directories into one jar; a name already there is skipped. */
  private static void mergeFirstWins(Path jar, Path... directories) throws IOException {
    Set<String> written = new HashSet<>();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path directory : directories) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
          if (written.add(name)) {
            out.putNextEntry(new JarEntry(name));
            Files.copy(file, (OutputStream) out);
            out.closeEntry();
          }
        }
      }
    }
  }

  private static void assertAllows(CorsIndex index, Class<?> resource, String origin)
      throws NoSuchMethodException {
    Optional<CorsPolicy> policy = index.policyFor(resource, resource.getMethod("get"));
    assertTrue(policy.isPresent(), resource.getName() + " has no policy");
    assertTrue(policy.get().allowsOrigin(origin), resource.getName() + " refuses " + origin);
  }
}
