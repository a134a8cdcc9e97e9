package org.corsgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.Test;

/** Two resources whose generated classes would share a name get a clear error, not a crash. */
class GeneratedNameTest {

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
    assertThat(compilation).hadErrorContaining("test.Outer_Inner_Cors");
  }
}
