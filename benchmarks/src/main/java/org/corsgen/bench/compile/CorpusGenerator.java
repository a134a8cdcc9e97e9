package org.corsgen.bench.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a corpus of JAX-RS resources for the compile-time measurement: five resource methods each,
 * mixed paths (collection, templated item, regex-constrained item, nested sub-path), and a mix of
 * class-level policies, method-level policies that replace them, method-level policies alone, an
 * open {@code "*"} policy, and resources without CORS.
 */
public final class CorpusGenerator {

  private static final int PACKAGES = 20;

  private CorpusGenerator() {}

  /** Writes {@code count} resources under {@code sourceRoot}; returns the files written. */
  public static List<Path> write(int count, Path sourceRoot) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String pkg = "corpus.p" + (i % PACKAGES);
      Path dir = sourceRoot.resolve(pkg.replace('.', '/'));
      Files.createDirectories(dir);
      Path file = dir.resolve("Resource" + i + ".java");
      Files.writeString(file, resource(pkg, i));
      files.add(file);
    }
    return files;
  }

  /** How many of the first {@code count} resources get generated code (all but the plain ones). */
  public static int withCors(int count) {
    int plain = 0;
    for (int i = 0; i < count; i++) {
      if (i % 5 == 4) {
        plain++;
      }
    }
    return count - plain;
  }

  static String resource(String pkg, int i) {
    String classPolicy = switch (i % 5) {
      case 0, 1 -> "@Cors(origins = {\"https://app" + i + ".example.com\", \"https://*.tenant"
          + i + ".example.org\"}, allowHeaders = {\"Content-Type\", \"X-Request-Id\"},"
          + " exposeHeaders = \"X-Total-Count\", allowCredentials = true, maxAge = 600)\n";
      case 3 -> "@Cors(origins = \"*\", allowHeaders = \"*\", maxAge = 0)\n";
      default -> "";
    };
    // Method-level policies: on 1 they replace the class policy, on 2 they stand alone.
    String adminPolicy = switch (i % 5) {
      case 1, 2 -> "  @Cors(origins = \"https://admin" + i + ".example.com\","
          + " allowCredentials = true, maxAge = -1)\n";
      default -> "";
    };
    String readPolicy = i % 5 == 2
        ? "  @Cors(origins = {\"https://app" + i + ".example.com\", \"https://www" + i
            + ".example.com\"}, methods = {\"GET\"}, exposeHeaders = \"ETag\")\n"
        : "";
    String path = switch (i % 3) {
      case 0 -> "/r" + i;
      case 1 -> "/tenants/{tenant}/r" + i;
      default -> "/api/v" + (i % 4 + 1) + "/r" + i;
    };
    return "package " + pkg + ";\n"
        + "\n"
        + "import jakarta.ws.rs.Consumes;\n"
        + "import jakarta.ws.rs.DELETE;\n"
        + "import jakarta.ws.rs.GET;\n"
        + "import jakarta.ws.rs.POST;\n"
        + "import jakarta.ws.rs.PUT;\n"
        + "import jakarta.ws.rs.Path;\n"
        + "import jakarta.ws.rs.PathParam;\n"
        + "import jakarta.ws.rs.Produces;\n"
        + "import jakarta.ws.rs.core.MediaType;\n"
        + "import jakarta.ws.rs.core.Response;\n"
        + "import java.util.List;\n"
        + "import org.corsgen.Cors;\n"
        + "\n"
        + "@Path(\"" + path + "\")\n"
        + classPolicy
        + "@Produces(MediaType.APPLICATION_JSON)\n"
        + "public class Resource" + i + " {\n"
        + "\n"
        + readPolicy
        + "  @GET\n"
        + "  public List<String> list() {\n"
        + "    return List.of(\"r" + i + "\");\n"
        + "  }\n"
        + "\n"
        + readPolicy
        + "  @GET\n"
        + "  @Path(\"{id: \\\\d+}\")\n"
        + "  public String get(@PathParam(\"id\") long id) {\n"
        + "    return \"r" + i + "-\" + id;\n"
        + "  }\n"
        + "\n"
        + "  @POST\n"
        + "  @Consumes(MediaType.APPLICATION_JSON)\n"
        + "  public Response create(String body) {\n"
        + "    return Response.status(201).entity(body).build();\n"
        + "  }\n"
        + "\n"
        + "  @PUT\n"
        + "  @Path(\"{id: \\\\d+}\")\n"
        + "  @Consumes(MediaType.APPLICATION_JSON)\n"
        + "  public String update(@PathParam(\"id\") long id, String body) {\n"
        + "    return body;\n"
        + "  }\n"
        + "\n"
        + adminPolicy
        + "  @DELETE\n"
        + "  @Path(\"items/{name}\")\n"
        + "  public void delete(@PathParam(\"name\") String name) {}\n"
        + "}\n";
  }
}
