package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.source;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policies a careful user writes: each compiles without any diagnostic, and the generated class
 * compiles against cors-runtime.
 */
class ValidPoliciesTest {

  /** A resource {@code test.Res} with the given annotations and body, for each valid policy. */
  static Stream<Arguments> validResources() {
    return Stream.of(
        resource("exact origins, a pattern, headers and credentials",
            "@Path(\"/items\")",
            "@Cors(",
            "    origins = {\"https://app.example.com\", \"https://*.example.org\",",
            "        \"https://app.example.com:8443\", \"https://*.example.co.uk\"},",
            "    methods = {\"GET\", \"PUT\"},",
            "    allowHeaders = {\"Content-Type\", \"X-Token\", \"Authorization\"},",
            "    exposeHeaders = {\"X-Total-Count\", \"ETag\"},",
            "    allowCredentials = true,",
            "    maxAge = 7200)",
            "public class Res {",
            "  @GET",
            "  public String list(@HeaderParam(\"Authorization\") String token) {",
            "    return \"\";",
            "  }",
            "",
            "  @PUT",
            "  @Path(\"{id}\")",
            "  public void put(@PathParam(\"id\") String id, String body) {}",
            "}"),
        resource("any origin, any header, exposed headers",
            "@Path(\"/open\")",
            "@Cors(origins = \"*\", allowHeaders = \"*\", exposeHeaders = \"*\", maxAge = 0)",
            "public class Res {",
            "  @POST",
            "  public String post(String body) {",
            "    return \"\";",
            "  }",
            "}"),
        resource("loopback origins over http with credentials",
            "@Path(\"/dev\")",
            "@Cors(origins = {\"http://localhost:3000\", \"http://127.0.0.1:8080\",",
            "    \"http://[::1]:8080\", \"http://*.localhost\"}, allowCredentials = true)",
            "public class Res {",
            "  @GET",
            "  public String get() {",
            "    return \"\";",
            "  }",
            "}"),
        resource("other schemes and hosts a browser serializes",
            "@Path(\"/hosts\")",
            "@Cors(origins = {\"https://xn--bcher-kva.example\", \"https://[2001:db8::1]:8443\",",
            "    \"https://192.0.2.7\", \"chrome-extension://abcdefghijklmnop\"}, maxAge = -1)",
            "public class Res {",
            "  @GET",
            "  public String get() {",
            "    return \"\";",
            "  }",
            "}"),
        resource("a method policy replacing the class policy at the same path",
            "@Path(\"/items/{id: \\\\d+}\")",
            "@Cors(origins = \"https://app.example.com\", allowHeaders = \"X-Token\")",
            "public class Res {",
            "  @GET",
            "  public String get() {",
            "    return \"\";",
            "  }",
            "",
            "  @DELETE",
            "  @Cors(origins = \"https://admin.example.com\", allowCredentials = true,",
            "      methods = \"DELETE\", maxAge = 86400)",
            "  public void delete() {}",
            "",
            "  @GET",
            "  @Path(\"history\")",
            "  public String history() {",
            "    return \"\";",
            "  }",
            "}"),
        resource("@OPTIONS on a path without a policy",
            "@Path(\"/mixed\")",
            "public class Res {",
            "  @GET",
            "  @Cors(origins = \"https://app.example.com\")",
            "  public String get() {",
            "    return \"\";",
            "  }",
            "",
            "  @OPTIONS",
            "  @Path(\"meta\")",
            "  public String options() {",
            "    return \"\";",
            "  }",
            "}"),
        resource("a policy from an interface",
            "@Path(\"/widgets\")",
            "@Cors(origins = \"https://app.example.com\")",
            "public class Res implements Api {",
            "  @Override",
            "  public String get(String name) {",
            "    return name;",
            "  }",
            "",
            "  @GET",
            "  public String list() {",
            "    return \"\";",
            "  }",
            "}",
            "",
            "interface Api {",
            "  @GET",
            "  @Path(\"{name}\")",
            "  @Cors(origins = \"https://admin.example.com\", exposeHeaders = \"X-Widget\")",
            "  String get(@PathParam(\"name\") String name);",
            "}"),
        resource("@Cors on an abstract class's override of an interface's resource method",
            "@Path(\"/layers\")",
            "public class Res extends Base {",
            "  @Override public String get() { return \"\"; }",
            "}",
            "",
            "abstract class Base implements Api {",
            "  @Override @Cors(origins = \"https://app.example.com\") public abstract String get();",
            "}",
            "",
            "interface Api {",
            "  @GET String get();",
            "}"),
        resource("method names whose constants differ only by an underscore before a digit",
            "@Path(\"/names\")",
            "public class Res {",
            "  @GET @Path(\"a\") @Cors(origins = \"https://a.example.com\")",
            "  public String fooBar() { return \"\"; }",
            "  @GET @Path(\"b\") @Cors(origins = \"https://b.example.com\")",
            "  public String foo_bar() { return \"\"; }",
            "  @GET @Path(\"c\") @Cors(origins = \"https://c.example.com\")",
            "  public String fooBar2() { return \"\"; }",
            "}"));
  }

  private static Arguments resource(String description, String... lines) {
    return Arguments.of(description, source("Res", lines));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validResources")
  void validPolicyCompilesWithoutDiagnosticsAndGeneratesCode(String description,
      JavaFileObject source) {
    Compilation compilation = compile(source);
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test.Cors_Res").contentsAsUtf8String()
        .contains("default -> null;");
  }
}
