package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.corsgen.processor.ProcessorTests.GeneratedClasses;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.runtime.spi.CorsBindings;
import org.corsgen.runtime.spi.CorsPolicy;
import org.junit.jupiter.api.Test;

/**
 * Names in the generated class of a package: two resources whose generated code would share a
 * name get a clear error, not a crash; names that only meet inside the class are made unique.
 */
class GeneratedNameTest {

  /**
   * {@code Items.resource()}'s policy and {@code ItemsResource}'s class policy would both be
   * {@code ITEMS_RESOURCE}; {@code Orders} and {@code orders} would both get a method
   * {@code orders}. Each resource must still get its own policy.
   */
  @Test
  void namesThatMeetInsideTheGeneratedClassAreMadeUnique() throws Exception {
    Compilation compilation = compile(
        source("Items",
            "@Path(\"/items\")",
            "public class Items {",
            "  @GET @Cors(origins = \"https://items.example.com\")",
            "  public String resource() { return \"\"; }",
            "}"),
        source("ItemsResource",
            "@Path(\"/items-resource\")",
            "@Cors(origins = \"https://items-resource.example.com\")",
            "public class ItemsResource {",
            "  @GET public String get() { return \"\"; }",
            "}"),
        source("Orders",
            "@Path(\"/orders\")",
            "@Cors(origins = \"https://orders.example.com\")",
            "public class Orders {",
            "  @GET public String get() { return \"\"; }",
            "}"),
        source("orders",
            "@Path(\"/lower-orders\")",
            "@Cors(origins = \"https://lower-orders.example.com\")",
            "public class orders {",
            "  @GET public String get() { return \"\"; }",
            "}"));
    assertThat(compilation).succeeded();

    CorsBindings bindings = (CorsBindings) new GeneratedClasses(compilation)
        .loadClass("test.Cors_Items").getConstructor().newInstance();
    assertAllows(bindings.policyOrNull("test.Items", "resource()"), "items");
    assertAllows(bindings.policyOrNull("test.ItemsResource", "get()"), "items-resource");
    assertAllows(bindings.policyOrNull("test.Orders", "get()"), "orders");
    assertAllows(bindings.policyOrNull("test.orders", "get()"), "lower-orders");
  }

  /**
   * Overloads with policies of their own get one constant each, and each policy names its method
   * with its parameters: the source is what start-up errors and the policy report show.
   */
  @Test
  void overloadsGetTheirOwnPolicyNamedWithTheirParameters() throws Exception {
    Compilation compilation = compile(source("Orders",
        "@Path(\"/orders\")",
        "public class Orders {",
        "  @GET @Cors(origins = \"https://plain.example.com\")",
        "  public String get() { return \"\"; }",
        "  @GET @Path(\"{id}\") @Cors(origins = \"https://by-id.example.com\")",
        "  public String get(@PathParam(\"id\") java.util.List<String> ids,",
        "      @QueryParam(\"q\") int[] q) { return \"\"; }",
        "}"));
    assertThat(compilation).succeeded();

    CorsBindings bindings = (CorsBindings) new GeneratedClasses(compilation)
        .loadClass("test.Cors_Orders").getConstructor().newInstance();
    CorsPolicy plain = bindings.policyOrNull("test.Orders", "get()");
    CorsPolicy byId = bindings.policyOrNull("test.Orders", "get(java.util.List,int[])");
    assertAllows(plain, "plain");
    assertAllows(byId, "by-id");
    assertEquals("@Cors on test.Orders.get()", plain.source());
    assertEquals("@Cors on test.Orders.get(List, int[])", byId.source());
    // Constants told apart by their parameters, not by a trailing underscore.
    assertThat(compilation).generatedSourceFile("test.Cors_Orders").contentsAsUtf8String()
        .contains("case \"get(java.util.List,int[])\" -> ORDERS_GET_LIST_INT_ARRAY;");
    assertThat(compilation).generatedSourceFile("test.Cors_Orders").contentsAsUtf8String()
        .contains("case \"get()\" -> ORDERS_GET;");
  }

  /** A supertype's policy that two resources inherit is one constant, named after it. */
  @Test
  void inheritedPolicyIsOneConstantNamedAfterItsClass() throws Exception {
    Compilation compilation = compile(
        source("Base",
            "@Cors(origins = \"https://app.example.com\")",
            "public abstract class Base {",
            "  @GET public String get() { return \"\"; }",
            "}"),
        source("Items", "@Path(\"/items\")", "public class Items extends Base {}"),
        source("Other", "@Path(\"/other\")", "public class Other extends Base {}"));
    assertThat(compilation).succeeded();
    String generated = compilation.generatedSourceFile("test.Cors_Items").orElseThrow()
        .getCharContent(true).toString();
    assertEquals(1, generated.split("static final CorsPolicy ", -1).length - 1, generated);
    assertTrue(generated.contains("private static final CorsPolicy BASE = "), generated);
    CorsBindings bindings = (CorsBindings) new GeneratedClasses(compilation)
        .loadClass("test.Cors_Items").getConstructor().newInstance();
    assertSame(bindings.policyOrNull("test.Items", "get()"),
        bindings.policyOrNull("test.Other", "get()"));
  }

  /**
   * A resource's method is named after it, lower camel case. For {@code Yield} that is
   * {@code yield}, a restricted identifier: javac refuses an unqualified call {@code yield(...)}
   * ("invalid use of a restricted identifier"), which is what the resource switch would make.
   */
  @Test
  void resourceNamedYieldGetsAMethodTheSwitchCanCall() throws Exception {
    Compilation compilation = compile(
        source("Yield",
            "@Path(\"/yield\")",
            "@Cors(origins = \"https://yield.example.com\")",
            "public class Yield {",
            "  @GET public String get() { return \"\"; }",
            "}"),
        source("PolicyOrNull",
            "@Path(\"/policy-or-null\")",
            "@Cors(origins = \"https://policy-or-null.example.com\")",
            "public class PolicyOrNull {",
            "  @GET public String get() { return \"\"; }",
            "}"));
    assertThat(compilation).succeeded();

    CorsBindings bindings = (CorsBindings) new GeneratedClasses(compilation)
        .loadClass("test.Cors_PolicyOrNull").getConstructor().newInstance();
    assertAllows(bindings.policyOrNull("test.Yield", "get()"), "yield");
    assertAllows(bindings.policyOrNull("test.PolicyOrNull", "get()"), "policy-or-null");
  }

  /**
   * The constants of one generated class are initialized in one method, which javac caps at 64 KB
   * of bytecode: 120 resources of one package with 100 origins each need about 90 KB, so they
   * must be spread over more than one class, each resource still finding its own policy.
   */
  @Test
  void packageTooLargeForOneClassIsSpreadOverSeveral() throws Exception {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      StringBuilder origins = new StringBuilder();
      for (int j = 0; j < 100; j++) {
        origins.append(j == 0 ? "" : ", ").append("\"https://r").append(i).append("-")
            .append(j).append(".example.com\"");
      }
      sources.add(source(String.format("R%03d", i),
          "@Path(\"/r" + i + "\")",
          "@Cors(origins = {" + origins + "})",
          String.format("public class R%03d {", i),
          "  @GET public String get() { return \"\"; }",
          "}"));
    }
    Compilation compilation = compile(sources.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeeded();

    GeneratedClasses classes = new GeneratedClasses(compilation);
    Map<String, String> index = new LinkedHashMap<>();
    for (String line : compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "",
        CorsBindings.INDEX).orElseThrow().getCharContent(true).toString().split("\n")) {
      if (!line.startsWith("#")) {
        index.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
      }
    }
    assertTrue(new HashSet<>(index.values()).size() > 1, index.values().toString());
    for (int i = 0; i < 120; i++) {
      String resource = String.format("test.R%03d", i);
      CorsBindings bindings = (CorsBindings) classes.loadClass(index.get(resource))
          .getConstructor().newInstance();
      assertAllows(bindings.policyOrNull(resource, "get()"), "r" + i + "-99");
    }
  }

  /**
   * One policy whose origins alone exceed what one method's bytecode can initialize (about 8,000
   * at 8 bytes each), in a resource with a second large one: its origins go into methods of
   * their own, part by part.
   */
  @Test
  void policyWithMoreOriginsThanOneMethodCanHoldCompiles() throws Exception {
    StringBuilder many = new StringBuilder();
    for (int j = 0; j < 9_000; j++) {
      many.append(j == 0 ? "" : ", ").append("\"https://a").append(j).append(".example.com\"");
    }
    StringBuilder more = new StringBuilder();
    for (int j = 0; j < 3_000; j++) {
      more.append(j == 0 ? "" : ", ").append("\"https://b").append(j).append(".example.com\"");
    }
    Compilation compilation = compile(source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = {" + many + "})",
        "public class Res {",
        "  @GET public String get() { return \"\"; }",
        "  @PUT @Cors(origins = {" + more + "}) public void put(String body) {}",
        "}"));
    assertThat(compilation).succeeded();
    CorsBindings bindings = (CorsBindings) new GeneratedClasses(compilation)
        .loadClass("test.Cors_Res").getConstructor().newInstance();
    CorsPolicy get = bindings.policyOrNull("test.Res", "get()");
    assertTrue(get.allowsOrigin("https://a0.example.com"));
    assertTrue(get.allowsOrigin("https://a8999.example.com"));
    assertTrue(!get.allowsOrigin("https://a9000.example.com"));
    assertTrue(bindings.policyOrNull("test.Res", "put(java.lang.String)")
        .allowsOrigin("https://b2999.example.com"));
  }

  /**
   * Classes named {@code String} and {@code Override} in the resources' package hide
   * {@code java.lang}'s from the generated class too, which must then name those in full.
   */
  @Test
  void classesOfThePackageThatHideJavaLangNamesAreWrittenAround() throws Exception {
    Compilation compilation = compile(
        source("String", "public class String {}"),
        source("Override", "public @interface Override {}"),
        source("Items",
            "@Path(\"/items\")",
            "@Cors(origins = \"https://items.example.com\")",
            "public class Items {",
            "  @GET public java.lang.String get() { return \"\"; }",
            "}"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.Cors_Items").contentsAsUtf8String()
        .contains("@java.lang.Override");

    CorsBindings bindings = (CorsBindings) new GeneratedClasses(compilation)
        .loadClass("test.Cors_Items").getConstructor().newInstance();
    assertAllows(bindings.policyOrNull("test.Items", "get()"), "items");
  }

  /**
   * Each resource's method in the generated class links to the resource in its Javadoc. A
   * {@code $} in a class's own name is part of its canonical name, so the link must not turn it
   * into a dot: with doclint on, as many builds have it, a broken link is a compile error.
   */
  @Test
  void generatedJavadocLinksResolveForResourcesWithADollarInTheirName() {
    Compilation compilation = javac()
        .withProcessors(new CorsProcessor())
        .withOptions("-Xdoclint:all,-missing")
        .compile(
            source("Price$List",
                "@Path(\"/prices\")",
                "@Cors(origins = \"https://app.example.com\")",
                "public class Price$List {",
                "  @GET public String get() { return \"\"; }",
                "}"),
            source("Outer",
                "public class Outer {",
                "  @Path(\"/inner\")",
                "  @Cors(origins = \"https://app.example.com\")",
                "  public static class Inner {",
                "    @GET public String get() { return \"\"; }",
                "  }",
                "}"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.Cors_Outer_Inner").contentsAsUtf8String()
        .contains("{@link test.Price$List}");
  }

  /**
   * The Filer writes generated sources in the build's {@code -encoding}, which may not encode a
   * resource's name: the generated code writes what is not ASCII as Unicode escapes, in
   * identifiers, literals and comments alike, and still names the resource as the runtime asks.
   */
  @Test
  void namesBeyondAsciiAreWrittenAsUnicodeEscapes() throws Exception {
    Compilation compilation = compile(source("Größe",
        "@Path(\"/größe\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Größe {",
        "  @GET public String länge(@QueryParam(\"ω\") String ω) { return ω; }",
        "}"));
    assertThat(compilation).succeeded();
    String generated = compilation.generatedSourceFile("test.Cors_Größe").orElseThrow()
        .getCharContent(true).toString();
    assertTrue(generated.chars().allMatch(c -> c < 0x80), generated);
    assertTrue(generated.contains("Gr\\u00f6\\u00dfe"), generated);
    CorsBindings bindings = (CorsBindings) new GeneratedClasses(compilation)
        .loadClass("test.Cors_Größe").getConstructor().newInstance();
    assertAllows(bindings.policyOrNull("test.Größe", "länge(java.lang.String)"), "app");
  }

  private static void assertAllows(CorsPolicy policy, String subdomain) {
    String origin = "https://" + subdomain + ".example.com";
    if (policy == null || !policy.allowsOrigin(origin)) {
      throw new AssertionError(policy + " should allow " + origin);
    }
  }

  @Test
  void nestedAndTopLevelClassesWithTheSameJoinedNameClash() {
    JavaFileObject outer = source("Outer",
        "public class Outer {",
        "  @Path(\"/a\")",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public static class Inner {",
        "    @GET public String get() { return \"\"; }",
        "  }",
        "}");
    JavaFileObject joined = source("Outer_Inner",
        "@Path(\"/b\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Outer_Inner {",
        "  @GET public String get() { return \"\"; }",
        "}");
    Compilation compilation = compile(outer, joined);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + Message.GENERATED_NAME_CLASH.tag() + "]");
    assertThat(compilation).hadErrorContaining(
        "for test.Outer_Inner and for test.Outer.Inner after the same name, test.Outer_Inner");
  }

  @Test
  void applicationClassWithTheGeneratedClassesNameIsAClash() {
    JavaFileObject resource = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET public String get() { return \"\"; }",
        "}");
    JavaFileObject taken = source("Cors_Res", "public class Cors_Res {}");
    assertOnly(compile(resource, taken), resource, "public class Res",
        Message.GENERATED_CLASS_TAKEN, "test.Res", "test.Cors_Res");
  }
}
