package org.corsgen.processor;

import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.corsgen.processor.ProcessorTests.GeneratedClasses;
import org.corsgen.runtime.spi.CorsBindings;
import org.corsgen.runtime.spi.CorsPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policies a careful user writes: each compiles without any diagnostic, and the generated class
 * gives each resource method the policy in effect for it.
 */
class ValidPoliciesTest {

  /** A resource {@code test.Res} with the given annotations and body, for each valid policy. */
  static Stream<Arguments> validResources() {
    return Stream.of(
        resource("exact origins, a pattern, headers and credentials",
            "list(java.lang.String)=https://app.example.com; put(java.lang.String,java.lang.String)=https://a.example.org",
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
            "post(java.lang.String)=https://anyone.example",
            "@Path(\"/open\")",
            "@Cors(origins = \"*\", allowHeaders = \"*\", exposeHeaders = \"*\", maxAge = 0)",
            "public class Res {",
            "  @POST",
            "  public String post(String body) {",
            "    return \"\";",
            "  }",
            "}"),
        resource("loopback origins over http with credentials",
            "get()=http://localhost:3000",
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
            "get()=chrome-extension://abcdefghijklmnop",
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
            "get()=https://app.example.com; history()=https://app.example.com; delete()=https://admin.example.com; delete()!https://app.example.com",
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
            "get()=https://app.example.com; options()=",
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
            "list()=https://app.example.com; get(java.lang.String)=https://admin.example.com; get(java.lang.String)!https://app.example.com",
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
            "get()=https://app.example.com",
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
        resource("a policy on an interface, through an abstract class that does not declare it",
            "list()=https://app.example.com; get(java.lang.String)=",
            "@Path(\"/gaps\")",
            "public class Res extends Base {",
            "  @Override public String list() { return \"\"; }",
            "  @Override public String get(String name) { return name; }",
            "}",
            "",
            "abstract class Base extends Helpers implements Api {}",
            "",
            "abstract class Helpers {}",
            "",
            "interface Api {",
            "  @GET @Cors(origins = \"https://app.example.com\") String list();",
            "  @GET @Path(\"{name}\") String get(@PathParam(\"name\") String name);",
            "}"),
        resource("@Cors on the override of a resource method declared two classes up",
            "get()=https://app.example.com",
            "@Path(\"/deep\")",
            "public class Res extends Middle {",
            "  @Override @Cors(origins = \"https://app.example.com\")",
            "  public String get() { return \"\"; }",
            "}",
            "",
            "abstract class Middle extends Top {}",
            "",
            "abstract class Top {",
            "  @GET public abstract String get();",
            "}"),
        resource("a generic base that does not declare its interface's resource methods",
            "create(test.Item)=https://app.example.com",
            "@Path(\"/items\")",
            "@Cors(origins = \"https://app.example.com\")",
            "public class Res extends Crud<Item> {",
            "  @Override public String create(Item item) { return \"\"; }",
            "}",
            "",
            "class Item {}",
            "",
            "abstract class Crud<T> implements CrudApi<T> {}",
            "",
            "interface CrudApi<T> {",
            "  @POST String create(T item);",
            "}"),
        resource("port wildcards over a loopback host and over subdomains, with credentials",
            "get()=http://localhost; get()=http://localhost:5173; get()=http://[::1]:3000; get()=https://pr-7.preview.example.com:8443; get()=https://pr-7.preview.example.com; get()!http://localhost.example.com:5173; get()!https://preview.example.com:8443; get()!http://pr-7.preview.example.com; get()!http://localhost:0",
            "@Path(\"/dev\")",
            "@Cors(",
            "    origins = {\"http://localhost:*\", \"http://[::1]:*\",",
            "        \"https://*.preview.example.com:*\"},",
            "    allowCredentials = true)",
            "public class Res {",
            "  @GET public String get() { return \"\"; }",
            "}"),
        resource("method names whose constants differ only by an underscore before a digit",
            "fooBar()=https://a.example.com; foo_bar()=https://b.example.com; fooBar2()=https://c.example.com; fooBar()!https://b.example.com",
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

  /**
   * {@code expected}: {@code key=origin} (the method's policy allows it), {@code key!origin} (it
   * has a policy that refuses it) or {@code key=} (no policy), separated by {@code ;}.
   */
  private static Arguments resource(String description, String expected, String... lines) {
    return Arguments.of(description, expected, source("Res", lines));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validResources")
  void validPolicyCompilesWithoutDiagnosticsAndEachMethodGetsItsPolicy(String description,
      String expected, JavaFileObject source) throws Exception {
    Compilation compilation = compile(source);
    assertClean(compilation);
    CorsBindings bindings = (CorsBindings) new GeneratedClasses(compilation)
        .loadClass("test.Cors_Res").getConstructor().newInstance();
    for (String expectation : expected.split(";\\s*")) {
      String[] parts = expectation.split("(?=[=!])", 2);
      String key = parts[0];
      String origin = parts[1].substring(1);
      CorsPolicy policy = bindings.policyOrNull("test.Res", key);
      if (parts[1].startsWith("!")) {
        assertFalse(policy == null || policy.allowsOrigin(origin), expectation);
      } else if (origin.isEmpty()) {
        assertNull(policy, expectation);
      } else {
        assertTrue(policy != null && policy.allowsOrigin(origin), expectation + ": " + policy);
      }
    }
  }

  /** One policy for the runtime, so one preflight answer for all of their methods. */
  @Test
  void policiesWrittenAlikeShareOnePolicyDeclaredAtEachPlace() throws Exception {
    Compilation compilation = compile(source("Res",
        "@Path(\"/mix\")",
        "public class Res {",
        "  @GET @Cors(origins = \"https://app.example.com\", allowHeaders = \"X-Foo\")",
        "  public String get() { return \"\"; }",
        "  @PUT @Cors(origins = \"https://app.example.com\", allowHeaders = \"X-Foo\")",
        "  public void put(String body) {}",
        "  @DELETE @Cors(origins = \"https://app.example.com\", allowHeaders = \"X-Bar\")",
        "  public void delete() {}",
        "}"));
    assertClean(compilation);
    CorsBindings bindings = (CorsBindings) new GeneratedClasses(compilation)
        .loadClass("test.Cors_Res").getConstructor().newInstance();
    CorsPolicy get = bindings.policyOrNull("test.Res", "get()");
    assertSame(get, bindings.policyOrNull("test.Res", "put(java.lang.String)"));
    assertNotSame(get, bindings.policyOrNull("test.Res", "delete()"));
    assertEquals("@Cors on test.Res.get(); @Cors on test.Res.put(String)",
        get.source());
  }
}
