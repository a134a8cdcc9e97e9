package org.corsgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.corsgen.processor.CorsProcessor;
import org.corsgen.runtime.internal.CorsIndex;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds that recompile only the changed sources (IntelliJ's, Eclipse's, Maven's without
 * incremental compilation, javac by hand) put the earlier class files on the class path and give
 * the processor only the changed resources. The index and the generated classes must come out as
 * a full build writes them, or the resources left out lose CORS without a word.
 */
class PartialRecompilationTest {

  @TempDir
  Path work;
  private Path out;
  /** More javac options for every compilation of a test. */
  private List<String> options = List.of();
  /** Whether the class output is on the class path, as build tools put it. */
  private boolean outputOnClassPath = true;

  @BeforeEach
  void buildBothResources() throws IOException {
    out = Files.createDirectories(work.resolve("classes"));
    write("Alpha", "@Cors(origins = \"https://alpha.example.com\")");
    // maxAge above every browser's cap: a warning, printed once, when Beta itself is compiled.
    write("Beta", "@Cors(origins = \"https://beta.example.com\", maxAge = 100000)");
    List<String> warnings = compile("Alpha", "Beta");
    assertTrue(warnings.stream().anyMatch(w -> w.contains("CorsMaxAgeCapped")), warnings::toString);
  }

  @Test
  void recompilingOneResourceKeepsTheOthersBindings() throws Exception {
    List<String> warnings = compile("Alpha");

    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
    assertEquals(List.of(), warnings, "Beta's warning was printed when Beta was compiled");
    assertAllows("Alpha", "https://alpha.example.com");
    assertAllows("Beta", "https://beta.example.com");
  }

  /**
   * javac run by hand without its -d directory on -cp: Beta's class file is there, unseen, and
   * the package's generated class, written again with Alpha's code alone, would drop Beta's.
   */
  @Test
  void classOutputMissingFromTheClassPathIsAnErrorThatChangesNothing() throws Exception {
    write("Alpha", "@Cors(origins = \"https://other.example.com\")");
    outputOnClassPath = false;
    List<String> errors = compileFailing("Alpha");

    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("[CorsOutputNotOnClassPath] the class output has the"
        + " class files of resources that the last build's index lists (shop.Beta)"),
        errors::toString);
    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
    assertAllows("Beta", "https://beta.example.com");
    assertAllows("Alpha", "https://alpha.example.com");

    outputOnClassPath = true;
    compile("Alpha");
    assertAllows("Alpha", "https://other.example.com");
    assertAllows("Beta", "https://beta.example.com");
  }

  @Test
  void recompilingTheOtherResourceKeepsTheFirstsBindings() throws Exception {
    compile("Beta");

    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
    assertAllows("Alpha", "https://alpha.example.com");
    assertAllows("Beta", "https://beta.example.com");
  }

  @Test
  void resourceWhoseClassIsGoneIsDropped() throws Exception {
    Files.delete(out.resolve("shop/Beta.class"));
    compile("Alpha");

    assertEquals(List.of("shop.Alpha"), indexedResources());
  }

  @Test
  void resourceRecompiledWithoutCorsIsDropped() throws Exception {
    write("Beta", "");
    compile("Beta");

    assertEquals(List.of("shop.Alpha"), indexedResources());
    assertAllows("Alpha", "https://alpha.example.com");
    // shop's index file is rewritten without Beta; a stale one would still bind it.
    assertNoPolicy("Beta");
  }

  /**
   * Its {@code @Path} is on its interface: recompiled without {@code @Cors}, the class has no
   * annotation that javac would call a processor for, and its policy must still go.
   */
  @Test
  void resourceWithoutAnAnnotationOfItsOwnRecompiledWithoutCorsIsDropped() throws Exception {
    Path sources = work.resolve("src/shop");
    Files.writeString(sources.resolve("DeltaApi.java"), "package shop;\n"
        + "import jakarta.ws.rs.GET;\n"
        + "import jakarta.ws.rs.Path;\n"
        + "@Path(\"/delta\")\n"
        + "public interface DeltaApi { @GET String get(); }\n");
    Files.writeString(sources.resolve("Delta.java"), "package shop;\n"
        + "@org.corsgen.Cors(origins = \"https://delta.example.com\")\n"
        + "public class Delta implements DeltaApi { public String get() { return \"\"; } }\n");
    compile("Alpha", "Beta", "DeltaApi", "Delta");
    assertAllows("Delta", "https://delta.example.com");
    Files.writeString(sources.resolve("Delta.java"), "package shop;\n"
        + "public class Delta implements DeltaApi { public String get() { return \"\"; } }\n");

    compile("Delta");

    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
    assertNoPolicy("Delta");
  }

  /**
   * A package's file names the generated classes of its resources: when the last of them loses
   * its policy, the file is emptied, while the packages read back keep theirs.
   */
  @Test
  void packageWhoseLastPolicyIsRemovedLosesItWhileTheOthersKeepTheirs() throws Exception {
    write("other.Gamma", "@Cors(origins = \"https://gamma.example.com\")");
    compile("Alpha", "Beta", "other.Gamma");
    assertAllows("other.Gamma", "https://gamma.example.com");
    write("other.Gamma", "");

    compile("other.Gamma");

    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
    assertNoPolicy("other.Gamma");
    assertAllows("Alpha", "https://alpha.example.com");
    assertAllows("Beta", "https://beta.example.com");
  }

  @Test
  void lastPolicyRemovedEmptiesTheIndex() throws Exception {
    write("Alpha", "");
    write("Beta", "");
    compile("Alpha", "Beta");

    assertEquals(List.of(), indexedResources());
    assertNoPolicy("Alpha");
    assertNoPolicy("Beta");
  }

  @Test
  void resourceWithADollarInItsOwnNameIsKept() throws Exception {
    // Its binary name, shop.Gamma$Legacy, reads like a nested class Legacy in shop.Gamma.
    write("Gamma$Legacy", "@Cors(origins = \"https://gamma.example.com\")");
    compile("Alpha", "Beta", "Gamma$Legacy");
    compile("Alpha");

    assertEquals(List.of("shop.Alpha", "shop.Beta", "shop.Gamma$Legacy"), indexedResources());
    assertAllows("Gamma$Legacy", "https://gamma.example.com");
  }

  @Test
  void suppressedErrorStaysSuppressedWhenItsResourceIsReadBack() throws Exception {
    // @SuppressWarnings is kept in source only: the class file read back no longer has it.
    write("Gamma", "@SuppressWarnings(\"CorsInsecureCredentials\")\n"
        + "@Cors(origins = \"http://intranet.example.com\", allowCredentials = true)");
    compile("Alpha", "Beta", "Gamma");
    compile("Alpha");

    assertEquals(List.of("shop.Alpha", "shop.Beta", "shop.Gamma"), indexedResources());
    assertAllows("Gamma", "http://intranet.example.com");
  }

  /** A class without {@code @Path}, which only locators return, is read back like a root. */
  @Test
  void subResourceIsKept() throws Exception {
    write("Gamma", "@Cors(origins = \"https://gamma.example.com\")");
    Path gamma = work.resolve("src/shop/Gamma.java");
    Files.writeString(gamma, Files.readString(gamma).replace("@Path(\"/gamma\")\n", ""));
    compile("Alpha", "Beta", "Gamma");
    compile("Alpha");

    assertEquals(List.of("shop.Alpha", "shop.Beta", "shop.Gamma"), indexedResources());
    assertAllows("Gamma", "https://gamma.example.com");
  }

  /**
   * A resource that has no {@code @Cors} of its own inherits its policy from a superclass in
   * another package; a build that recompiles only the superclass, as it gains or loses
   * {@code @Cors}, leaves the resource as a full build would.
   */
  @Test
  void resourceWhoseSuperclassAloneGainsOrLosesCorsFollowsIt() throws Exception {
    writeBase("");
    Files.writeString(source("Epsilon"), "package shop;\n"
        + "@jakarta.ws.rs.Path(\"/epsilon\")\n"
        + "public class Epsilon extends base.Base {}\n");
    compile("Alpha", "Beta", "base.Base", "Epsilon");
    assertNoPolicy("Epsilon");
    // A rebuild of a class that is no supertype of it does not read it back, and keeps it listed.
    compile("Alpha");
    assertEquals(List.of("shop.Epsilon"),
        Files.readAllLines(out.resolve("META-INF/corsgen/resources-without-policies")).stream()
            .filter(line -> !line.startsWith("#")).toList());

    writeBase("@org.corsgen.Cors(origins = \"https://base.example.com\")");
    compile("base.Base");
    assertEquals(List.of("base.Base", "shop.Alpha", "shop.Beta", "shop.Epsilon"),
        indexedResources());
    assertAllows("Epsilon", "https://base.example.com");

    writeBase("");
    compile("base.Base");
    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
    assertNoPolicy("Epsilon");

    writeBase("@org.corsgen.Cors(origins = \"https://again.example.com\")");
    compile("base.Base");
    assertAllows("Epsilon", "https://again.example.com");
  }

  /** An index saved by an editor with a byte order mark is read back all the same. */
  @Test
  void anIndexWithAByteOrderMarkIsReadBack() throws Exception {
    Path index = out.resolve("META-INF/corsgen/index");
    // Beta, which is read back, on the first line, right after the mark.
    Files.writeString(index, "\uFEFF" + Files.readString(index).lines()
        .filter(line -> !line.startsWith("#")).sorted(Comparator.reverseOrder())
        .collect(Collectors.joining("\n", "", "\n")));
    compile("Alpha");

    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
    assertAllows("Beta", "https://beta.example.com");
  }

  /**
   * A partial rebuild that fails, here because the recompiled class now conflicts with one read
   * back, changes nothing: after the fix, a rebuild of the same class alone still reads the other
   * one back and keeps its policy.
   */
  @Test
  void aFailedPartialRebuildLeavesTheIndexAsItWas() throws Exception {
    Files.writeString(source("Beta"), Files.readString(source("Beta"))
        .replace("@Path(\"/beta\")", "@Path(\"/alpha\")")
        .replace("@GET public", "@GET @jakarta.ws.rs.Produces(\"application/json\") public"));
    write("Alpha", "@Cors(origins = \"https://beta.example.com\", maxAge = 100000)");
    compile("Alpha", "Beta");
    write("Alpha", "@Cors(origins = \"https://alpha.example.com\")");

    List<String> errors = compileFailing("Alpha");
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("[CorsConflictingPolicies]")),
        errors::toString);
    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());

    write("Alpha", "@Cors(origins = \"https://beta.example.com\", maxAge = 100000)");
    compile("Alpha");
    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
    assertAllows("Beta", "https://beta.example.com");
  }

  /**
   * A subclass another processor generates, from a class file of the last build read back in the
   * first round and generated again with {@code @Cors} in the second: the second counts.
   */
  @Test
  void aSubclassAnotherProcessorGeneratesAgainWithCorsGetsItsPolicy() throws Exception {
    writeBase("");
    options = withGenerator("-Agenerated.cors=false");
    compile("Alpha", "Beta", "base.Base");
    assertNoPolicy("Generated");

    options = withGenerator("-Agenerated.cors=true");
    compile("base.Base");
    assertEquals(List.of("shop.Alpha", "shop.Beta", "shop.Generated"), indexedResources());
    assertAllows("Generated", "https://generated.example.com");
  }

  /**
   * A resource another processor generates from a source of its own, and generates again with
   * another origin when only that source is recompiled: read back from its class file in the
   * first round, it arrives as source in the second, and that one counts. The index used to keep
   * the class file's policy, granting the origin the source no longer lists.
   */
  @Test
  void aResourceAnotherProcessorGeneratesAgainWithAnotherOriginGetsIt() throws Exception {
    writeBase("");
    options = withGenerator("-Agenerated.cors=true");
    compile("Alpha", "Beta", "base.Base");
    assertAllows("Generated", "https://generated.example.com");

    options = withGenerator("-Agenerated.cors=true",
        "-Agenerated.origin=https://narrow.example.com");
    assertEquals(List.of(), compile("base.Base"));
    assertEquals(List.of("shop.Alpha", "shop.Beta", "shop.Generated"), indexedResources());
    assertAllows("Generated", "https://narrow.example.com");
    assertRefuses("Generated", "https://generated.example.com");
    assertAllows("Alpha", "https://alpha.example.com");
    String report = Files.readString(out.resolve("META-INF/corsgen/cors-policies.md"));
    assertTrue(report.contains("https://narrow.example.com")
        && !report.contains("https://generated.example.com"), report);
  }

  /**
   * The same, first in its package by name, so that the class generated for the package in the
   * first round has the name the second round's would take; and in a package with a capital.
   */
  @Test
  void aResourceGeneratedAgainFirstInItsPackageGetsAClassOfANewName() throws Exception {
    writeBase("");
    options = withGenerator("-Agenerated.cors=true", "-Agenerated.name=com.Acme.Aaa");
    compile("base.Base");
    assertAllows("com.Acme.Aaa", "https://generated.example.com");

    options = withGenerator("-Agenerated.cors=true", "-Agenerated.name=com.Acme.Aaa",
        "-Agenerated.origin=https://narrow.example.com");
    assertEquals(List.of(), compile("base.Base"));
    assertTrue(Files.readString(out.resolve("META-INF/corsgen/index"))
        .contains("com.Acme.Aaa com.Acme.Cors_Aaa_2\n"));
    assertAllows("com.Acme.Aaa", "https://narrow.example.com");
    assertRefuses("com.Acme.Aaa", "https://generated.example.com");
  }

  /** Generated again without {@code @Cors}, it has no policy any more. */
  @Test
  void aResourceGeneratedAgainWithoutCorsLosesItsPolicy() throws Exception {
    writeBase("");
    options = withGenerator("-Agenerated.cors=true");
    compile("Alpha", "Beta", "base.Base");
    assertAllows("Generated", "https://generated.example.com");

    options = withGenerator("-Agenerated.cors=false");
    compile("base.Base");
    assertNoPolicy("Generated");
    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
  }

  /**
   * A class of the last build with the same policy at the path of a resource generated again
   * with another: the conflict a full build reports is reported, though the generated one's
   * earlier claim on the path is forgotten.
   */
  @Test
  void aResourceGeneratedAgainConflictsWithAnotherAtItsPath() throws Exception {
    writeBase("");
    Files.writeString(source("Zed"), "package shop;\n"
        + "@jakarta.ws.rs.Path(\"/generated\")\n"
        + "@org.corsgen.Cors(origins = \"https://generated.example.com\")\n"
        + "public class Zed { @jakarta.ws.rs.GET public String get() { return \"\"; } }\n");
    options = withGenerator("-Agenerated.cors=true");
    compile("Alpha", "Beta", "Zed", "base.Base");

    options = withGenerator("-Agenerated.cors=true",
        "-Agenerated.origin=https://narrow.example.com");
    List<String> errors = compileFailing("base.Base");
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("[CorsConflictingPolicies]")),
        errors::toString);
  }

  /** javac's options to run corsgen and {@link SubclassGenerator}, with the generator's. */
  private static List<String> withGenerator(String... generatorOptions) {
    List<String> all = new ArrayList<>(List.of("-processor",
        CorsProcessor.class.getName() + "," + SubclassGenerator.class.getName()));
    all.addAll(List.of(generatorOptions));
    return all;
  }

  /** Generates {@code shop.Generated extends base.Base}, with {@code @Cors} if told to. */
  @SupportedAnnotationTypes("*")
  @SupportedOptions({"generated.cors", "generated.origin", "generated.name"})
  public static final class SubclassGenerator extends AbstractProcessor {
    private boolean generated;

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (generated || round.processingOver()) {
        return false;
      }
      generated = true;
      String origin = processingEnv.getOptions()
          .getOrDefault("generated.origin", "https://generated.example.com");
      String cors = Boolean.parseBoolean(processingEnv.getOptions().get("generated.cors"))
          ? "@org.corsgen.Cors(origins = \"" + origin + "\")\n" : "";
      String name = processingEnv.getOptions().getOrDefault("generated.name", "shop.Generated");
      int dot = name.lastIndexOf('.');
      try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        writer.write("package " + name.substring(0, dot) + ";\n"
            + "@jakarta.ws.rs.Path(\"/generated\")\n" + cors
            + "public class " + name.substring(dot + 1) + " extends base.Base {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  private void writeBase(String cors) throws IOException {
    Path base = source("base.Base");
    Files.createDirectories(base.getParent());
    Files.writeString(base, "package base;\n" + cors + "\n"
        + "public class Base { @jakarta.ws.rs.GET public String get() { return \"\"; } }\n");
  }

  /**
   * An application class named as corsgen would name the class it generates for a resource
   * that gets {@code @Cors} later: a partial rebuild sees that class as a class file only.
   */
  @Test
  void applicationClassWithTheGeneratedNameIsAClashInAPartialRebuildToo() throws Exception {
    // First in its package by name, so the package's generated class would be named after it.
    write("Aardvark", "");
    Files.writeString(work.resolve("src/shop/Cors_Aardvark.java"),
        "package shop;\npublic class Cors_Aardvark { public static String hello() { return \"\"; } }\n");
    compile("Aardvark", "Alpha", "Beta", "Cors_Aardvark");
    write("Aardvark", "@Cors(origins = \"https://aardvark.example.com\")");

    List<String> errors = compileFailing("Aardvark");

    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("[CorsGeneratedNameClash]"), errors::toString);
    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources(),
        "listed as the last build listed them, to be read back after the fix");

    // The fix: the application's class renamed, as an IDE's rebuild deletes its class file.
    Files.delete(work.resolve("src/shop/Cors_Aardvark.java"));
    Files.delete(out.resolve("shop/Cors_Aardvark.class"));
    compile("Aardvark");
    assertEquals(List.of("shop.Aardvark", "shop.Alpha", "shop.Beta"), indexedResources());
    assertAllows("Alpha", "https://alpha.example.com");
    assertAllows("Aardvark", "https://aardvark.example.com");
  }

  /**
   * A nested resource added whose generated names are a resource's of the last build
   * ({@code Outer.Inner} beside {@code Outer_Inner}): an error, and after the fix both are kept.
   */
  @Test
  void resourceReadBackThatClashesWithANewOneIsKeptForTheFix() throws Exception {
    write("Outer_Inner", "@Cors(origins = \"https://outer.example.com\")");
    compile("Outer_Inner");
    writeOuter("Inner");

    List<String> errors = compileFailing("Outer");
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("[CorsGeneratedNameClash]")),
        errors::toString);
    List<String> listed = indexedResources();
    assertTrue(listed.contains("shop.Outer_Inner"), listed::toString);

    writeOuter("Nested");
    compile("Outer");
    assertEquals(List.of("shop.Alpha", "shop.Beta", "shop.Outer$Nested", "shop.Outer_Inner"),
        indexedResources());
    assertAllows("Outer_Inner", "https://outer.example.com");
  }

  /**
   * A nested resource removed from its class: its class file stays in the output, which is on
   * the class path, but javac no longer reads it as a type. It drops out, without an error.
   */
  @Test
  void nestedResourceRemovedFromItsClassDropsOut() throws Exception {
    writeOuter("Nested");
    compile("Outer");
    assertEquals(List.of("shop.Alpha", "shop.Beta", "shop.Outer$Nested"), indexedResources());

    Files.writeString(source("Outer"), "package shop;\npublic class Outer {}\n");
    assertEquals(List.of(), compile("Outer"));
    assertEquals(List.of("shop.Alpha", "shop.Beta"), indexedResources());
    assertAllows("Alpha", "https://alpha.example.com");
  }

  private void writeOuter(String nested) throws IOException {
    Files.writeString(source("Outer"), "package shop;\n"
        + "public class Outer {\n"
        + "  @jakarta.ws.rs.Path(\"/outer\")\n"
        + "  @org.corsgen.Cors(origins = \"https://nested.example.com\")\n"
        + "  public static class " + nested + " {\n"
        + "    @jakarta.ws.rs.GET public String get() { return \"\"; }\n"
        + "  }\n"
        + "}\n");
  }

  /** A resource named without a package is in {@code shop}. */
  private static String qualified(String resource) {
    return resource.contains(".") ? resource : "shop." + resource;
  }

  private Path source(String resource) {
    return work.resolve("src/" + qualified(resource).replace('.', '/') + ".java");
  }

  private void write(String resource, String cors) throws IOException {
    String name = qualified(resource);
    String simpleName = name.substring(name.lastIndexOf('.') + 1);
    Path source = source(resource);
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package " + name.substring(0, name.lastIndexOf('.')) + ";\n"
        + "import jakarta.ws.rs.GET;\n"
        + "import jakarta.ws.rs.Path;\n"
        + "import org.corsgen.Cors;\n"
        + "@Path(\"/" + simpleName.toLowerCase(Locale.ROOT) + "\")\n"
        + cors + "\n"
        + "public class " + simpleName + " {\n"
        + "  @GET public String get() { return \"\"; }\n"
        + "}\n");
  }

  /** Compiles the named sources alone, with the earlier class files on the class path. */
  private List<String> compile(String... resources) throws IOException {
    return compile(true, Diagnostic.Kind.WARNING, resources);
  }

  /** As {@link #compile}, for a compilation that fails: its errors. */
  private List<String> compileFailing(String... resources) throws IOException {
    return compile(false, Diagnostic.Kind.ERROR, resources);
  }

  private List<String> compile(boolean succeeds, Diagnostic.Kind kind, String... resources)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<File> sources = Arrays.stream(resources)
          .map(resource -> source(resource).toFile())
          .toList();
      String classPath = (outputOnClassPath ? out + File.pathSeparator : "")
          + System.getProperty("java.class.path");
      boolean compiled = javac.getTask(null, files, diagnostics,
          Stream.concat(Stream.of("-d", out.toString(), "-cp", classPath,
              "-processorpath", System.getProperty("java.class.path")), options.stream()).toList(),
          null, files.getJavaFileObjectsFromFiles(sources)).call();
      assertEquals(succeeds, compiled, diagnostics.getDiagnostics()::toString);
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == kind
            || (kind == Diagnostic.Kind.WARNING && d.getKind() == Diagnostic.Kind.MANDATORY_WARNING))
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
  }

  private List<String> indexedResources() throws IOException {
    return Files.readAllLines(out.resolve("META-INF/corsgen/index")).stream()
        .filter(line -> !line.startsWith("#"))
        .map(line -> line.substring(0, line.indexOf(' ')))
        .toList();
  }

  private void assertNoPolicy(String resource) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
        PartialRecompilationTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass(qualified(resource));
      assertEquals(Optional.empty(), CorsIndex.forApplication(new ResourceConfig())
          .policyFor(type, type.getMethod("get")), resource + " still has a policy");
    }
  }

  private void assertRefuses(String resource, String origin) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
        PartialRecompilationTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass(qualified(resource));
      assertTrue(!CorsIndex.forApplication(new ResourceConfig())
          .policyFor(type, type.getMethod("get")).orElseThrow().allowsOrigin(origin),
          resource + " allows " + origin);
    }
  }

  private void assertAllows(String resource, String origin) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
        PartialRecompilationTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass(qualified(resource));
      Optional<CorsPolicy> policy = CorsIndex.forApplication(new ResourceConfig())
          .policyFor(type, type.getMethod("get"));
      assertTrue(policy.isPresent(), resource + " has no policy");
      assertTrue(policy.get().allowsOrigin(origin), resource + " refuses " + origin);
    }
  }
}
