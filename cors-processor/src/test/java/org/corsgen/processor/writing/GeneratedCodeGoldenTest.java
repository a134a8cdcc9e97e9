package org.corsgen.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.tools.JavaFileObject;
import org.corsgen.processor.CorsProcessor;
import org.junit.jupiter.api.Test;

/**
 * Guards the shape of the generated code, which users read and step through: the class generated for two
 * resources of one package, one with a class policy, a method-level override with credentials, a
 * pattern and a placeholder, the other with a method policy of one pattern. Behaviour
 * is tested elsewhere; a change here should be a deliberate change of that shape.
 */
class GeneratedCodeGoldenTest {

  @Test
  void generatedClassReadsLikeTheGoldenFile() {
    JavaFileObject resource = JavaFileObjects.forSourceLines("com.example.ItemsResource",
        "package com.example;",
        "",
        "import jakarta.ws.rs.DELETE;",
        "import jakarta.ws.rs.GET;",
        "import jakarta.ws.rs.PUT;",
        "import jakarta.ws.rs.Path;",
        "import jakarta.ws.rs.PathParam;",
        "import org.corsgen.Cors;",
        "",
        "@Path(\"/items\")",
        "@Cors(origins = {\"https://app.example.com\", \"https://*.example.org\"},",
        "    allowHeaders = {\"Content-Type\", \"X-Request-Id\"}, exposeHeaders = \"X-Total-Count\")",
        "public class ItemsResource {",
        "  @GET public String list() { return \"[]\"; }",
        "  @PUT @Path(\"{id}\") public String put(@PathParam(\"id\") long id, String body) {",
        "    return body;",
        "  }",
        "  @DELETE @Path(\"{id}\")",
        "  @Cors(origins = {\"https://admin.example.com\", \"${admin.origins}\"},",
        "      allowCredentials = true, maxAge = -1)",
        "  public void delete(@PathParam(\"id\") long id) {}",
        "}");
    JavaFileObject orders = JavaFileObjects.forSourceLines("com.example.OrdersResource",
        "package com.example;",
        "",
        "import jakarta.ws.rs.GET;",
        "import jakarta.ws.rs.Path;",
        "import org.corsgen.Cors;",
        "",
        "@Path(\"/orders\")",
        "public class OrdersResource {",
        "  @GET @Cors(origins = {\"https://*.shop.example.com\", \"http://localhost:*\"})",
        "  public String list() { return \"[]\"; }",
        "}");
    Compilation compilation = javac().withProcessors(new CorsProcessor())
        .compile(orders, resource);
    assertThat(compilation).succeededWithoutWarnings();
    // Text, not syntax trees: layout is part of the shape, and compile-testing's tree comparison
    // needs javac internals that JDK 17 does not export.
    assertThat(compilation).generatedSourceFile("com.example.Cors_ItemsResource")
        .contentsAsUtf8String().isEqualTo(golden("golden/Cors_ItemsResource.java"));
  }

  /** One policy written on several methods names each place on a line of its own. */
  @Test
  void policyOfSeveralPlacesNamesEachOnALineOfItsOwn() throws IOException {
    JavaFileObject resource = JavaFileObjects.forSourceLines("com.example.NotesResourceOfTheDay",
        "package com.example;",
        "",
        "import jakarta.ws.rs.*;",
        "import org.corsgen.Cors;",
        "",
        "@Path(\"/notes\")",
        "public class NotesResourceOfTheDay {",
        "  @Cors(origins = \"https://app.example.com\") @GET",
        "  public String list(@QueryParam(\"from\") String from, @QueryParam(\"to\") String to) {",
        "    return \"\";",
        "  }",
        "  @Cors(origins = \"https://app.example.com\") @PUT public void put(String body) {}",
        "}");
    Compilation compilation = javac().withProcessors(new CorsProcessor()).compile(resource);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = compilation.generatedSourceFile("com.example.Cors_NotesResourceOfTheDay")
        .orElseThrow().getCharContent(true).toString();
    assertThat(compilation).generatedSourceFile("com.example.Cors_NotesResourceOfTheDay")
        .contentsAsUtf8String().contains(String.join("\n",
            "  private static final CorsPolicy NOTES_RESOURCE_OF_THE_DAY_LIST_PUT =",
            "      CorsPolicy.builder(\"@Cors on com.example.NotesResourceOfTheDay.list(String,"
                + " String); \"",
            "              + \"@Cors on com.example.NotesResourceOfTheDay.put(String)\")",
            "          .allowOrigins(\"https://app.example.com\")"));
    assertEquals(List.of(), generated.lines().filter(line -> line.length() > 100).toList());
  }

  private static String golden(String resource) {
    try (InputStream in = GeneratedCodeGoldenTest.class.getClassLoader()
        .getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
