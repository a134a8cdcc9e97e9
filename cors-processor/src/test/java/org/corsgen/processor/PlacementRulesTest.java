package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;

/** Where {@code @Cors} may be written: on what JAX-RS serves as a root resource. */
class PlacementRulesTest {

  @Test
  void corsOnAClassThatJaxRsNeverServesIsAnError() {
    JavaFileObject source = source("Helper",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Helper {",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.NOT_A_RESOURCE_CLASS, "test.Helper");
  }

  /** Jersey serves the hiding static method only, as Class.getMethods() lists it alone. */
  @Test
  void staticMethodHiddenByTheResourcesOwnIsNotServed() {
    Compilation compilation = compile(
        source("Base",
            "public abstract class Base {",
            "  @GET public static String get() { return \"base\"; }",
            "}"),
        source("Res",
            "@Path(\"/res\")",
            "@Cors(origins = \"https://app.example.com\")",
            "public class Res extends Base {",
            "  @GET public static String get() { return \"res\"; }",
            "}"));
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test.Cors_Res").contentsAsUtf8String()
        .contains("case \"get()\" -> RES;");
  }

  @Test
  void corsOnAStaticInterfaceMethodIsAnError() {
    JavaFileObject api = source("Api",
        "@Path(\"/api\")",
        "public interface Api {",
        "  @GET @Path(\"st\") @Cors(origins = \"https://app.example.com\")",
        "  static String st() { return \"\"; }",
        "",
        "  @GET String get();",
        "}");
    JavaFileObject impl = source("Impl",
        "public class Impl implements Api {",
        "  public String get() { return \"\"; }",
        "}");
    assertOnly(compile(api, impl), api, "@Cors", Message.ON_STATIC_INTERFACE_METHOD,
        "test.Api.st()");
  }

  @Test
  void corsOnAnAnnotationTypeIsAnError() {
    JavaFileObject source = source("AppCors",
        "@Cors(origins = \"https://app.example.com\")",
        "public @interface AppCors {}");
    assertOnly(compile(source), source, "@Cors", Message.ON_ANNOTATION_TYPE, "test.AppCors");
  }

  @Test
  void corsOnAMethodWithoutHttpMethodIsAnError() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public String helper() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.NOT_A_RESOURCE_METHOD,
        "test.Res.helper()");
  }

  @Test
  void classPolicyOfAResourceWithOnlyLocatorsIsAnError() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @Path(\"{id}\")",
        "  public Object item() {",
        "    return new Object();",
        "  }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.NO_RESOURCE_METHOD, "test.Res");
  }

  @Test
  void classPolicyThatEveryMethodReplacesIsAWarning() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Res {",
        "  @GET",
        "  @Cors(origins = \"https://a.example.com\")",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "",
        "  @POST",
        "  @Cors(origins = \"https://b.example.com\")",
        "  public void post(String body) {}",
        "}");
    Compilation compilation = compile(source);
    assertOnly(compilation, source, "app.example.com", Message.CLASS_POLICY_UNUSED, "test.Res");
    assertThat(compilation).generatedSourceFile("test.Cors_Res");
  }

  /**
   * Jersey looks an overridden method up with {@code Class.getMethod}, which sees public methods
   * only: a protected {@code @GET} in a base class, here through a class that does not redeclare
   * it, makes no resource method of the public override, so its {@code @Cors} is an error.
   */
  @Test
  void annotationsOfANonPublicOverriddenMethodDoNotCount() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res extends Mid {",
        "  @Override @Cors(origins = \"https://app.example.com\")",
        "  public String get() { return \"\"; }",
        "",
        "  @GET @Path(\"other\") public String other() { return \"\"; }",
        "}",
        "",
        "abstract class Mid extends Top {}",
        "",
        "abstract class Top {",
        "  @GET @Path(\"t\") protected abstract String get();",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.NOT_A_RESOURCE_METHOD, "test.Res.get()");
  }

  @Test
  void corsOnASubResourceLocatorIsAnError() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @Path(\"{id}\")",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public Object item() {",
        "    return new Object();",
        "  }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.NOT_A_RESOURCE_METHOD, "test.Res.item()");
  }

  @Test
  void corsOnANonPublicResourceMethodIsAnError() {
    JavaFileObject source = source("Res",
        "@Path(\"/res\")",
        "public class Res {",
        "  @GET",
        "  @Cors(origins = \"https://app.example.com\")",
        "  String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.NOT_PUBLIC_METHOD, "test.Res.get()");
  }

  /** Without {@code @Path}, a class with resource methods is a sub-resource a locator returns. */
  @Test
  void corsOnAResourceMethodOfAClassWithoutPathMakesItASubResource() {
    JavaFileObject source = source("Helper",
        "public class Helper {",
        "  @GET",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    Compilation compilation = compile(source);
    assertClean(compilation);
    assertThat(compilation).generatedSourceFile("test.Cors_Helper").contentsAsUtf8String()
        .contains("case \"get()\" -> HELPER_GET;");
  }

  @Test
  void corsOnASupertypeOfARootResourceIsAccepted() {
    JavaFileObject base = source("Base",
        "@Cors(origins = \"https://app.example.com\")",
        "public class Base {",
        "  @GET",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    JavaFileObject root = source("Res",
        "@Path(\"/res\")",
        "public class Res extends Base {}");
    assertClean(compile(base, root));
  }

  @Test
  void corsOnANonPublicResourceMethodOfAnAbstractClassIsAnError() {
    JavaFileObject source = source("Base",
        "public abstract class Base {",
        "  @GET",
        "  @Cors(origins = \"https://app.example.com\")",
        "  protected String get() {",
        "    return \"\";",
        "  }",
        "}");
    assertOnly(compile(source), source, "@Cors", Message.NOT_PUBLIC_METHOD, "test.Base.get()");
  }

  @Test
  void corsOnAnAbstractClassMethodWhoseDesignatorIsInheritedIsAccepted() {
    JavaFileObject api = source("Api",
        "public interface Api {",
        "  @GET",
        "  String get();",
        "}");
    JavaFileObject base = source("Base",
        "public abstract class Base implements Api {",
        "  @Override",
        "  @Cors(origins = \"https://app.example.com\")",
        "  public String get() {",
        "    return \"\";",
        "  }",
        "}");
    JavaFileObject root = source("Res",
        "@Path(\"/res\")",
        "public class Res extends Base {}");
    assertClean(compile(api, base, root));
  }

  /**
   * An API module of @Path interfaces, compiled apart from the classes that implement them: its
   * policies' own errors are reported there, on their values, not only later without a line.
   */
  @Test
  void policyOnAnInterfaceIsCheckedWhereItIsWritten() {
    JavaFileObject api = source("Api",
        "@Path(\"/items\")",
        "@Cors(origins = \"https://*.com\")",
        "public interface Api {",
        "  @GET",
        "  String list();",
        "}");
    assertOnly(compile(api), api, "@Cors", Message.ORIGIN_PATTERN_PUBLIC_SUFFIX, "https://*.com",
        "com", "https://*.example.com");
  }

  @Test
  void policyOnAnAbstractMethodIsCheckedWhereItIsWritten() {
    JavaFileObject base = source("Base",
        "@Path(\"/items\")",
        "public abstract class Base {",
        "  @GET",
        "  @Cors(origins = \"*\", allowCredentials = true)",
        "  public abstract String list();",
        "}");
    assertOnly(compile(base), base, "@Cors", Message.ORIGIN_WILDCARD_WITH_CREDENTIALS);
  }

  /** Read once where it is written and once with the resource: reported once. */
  @Test
  void policyOnAnInterfaceWithItsImplementationIsReportedOnce() {
    JavaFileObject api = source("Api",
        "@Path(\"/items\")",
        "@Cors(origins = \"https://App.example.com\", maxAge = -5)",
        "public interface Api {",
        "  @GET",
        "  String list();",
        "}");
    JavaFileObject impl = source("Items",
        "public class Items implements Api {",
        "  @Override public String list() { return \"\"; }",
        "}");
    Compilation compilation = compile(api, impl);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("\"https://App.example.com\"").inFile(api)
        .onLineContaining("@Cors");
    assertThat(compilation).hadErrorContaining(Message.MAX_AGE_NEGATIVE.format(-5)).inFile(api)
        .onLineContaining("@Cors");
    assertThat(compilation).hadWarningCount(0);
  }
}
