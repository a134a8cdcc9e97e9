package org.corsgen.processor.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/**
 * {@link BindingsWriter} renders literals and lists as text rather than through JavaPoet's
 * formats; the files must be exactly those JavaPoet writes from {@code $S} and {@code ,$W}, for
 * lists of every length around the wrapping width and for strings that need escaping.
 */
class RenderedTextTest {

  private static final ClassName POLICY = ClassName.get("p", "Policy");

  @Test
  void literalsAreJavaPoetsForEveryCharacterClass() {
    for (String value : List.of("", "https://app.example.com", "say \"hi\"", "back\\slash",
        "tab\there", "line\nbreak", "cr\rlf", "nul\0", "del\u007f", "caf\u00e9", "\u0085",
        "${cors.origins:https://a.example.com, https://*.example.org}")) {
      assertEquals(CodeBlock.of("$S", value).toString(), BindingsWriter.literal(value), value);
    }
  }

  /**
   * JavaPoet leaves LINE SEPARATOR and PARAGRAPH SEPARATOR raw in a string literal, and its
   * CodeWriter breaks lines at them, inside the literal; they are escaped instead.
   */
  @Test
  void lineAndParagraphSeparatorsAreEscaped() {
    assertEquals("\"a\\u2028b\\u2029c\"", BindingsWriter.literal("a\u2028b\u2029c"));
    assertEquals("\"say \\\"\\u2028\\\"\"", BindingsWriter.literal("say \"\u2028\""));
  }

  @Test
  void sourcesAreWrittenInAsciiWithUnicodeEscapes() {
    assertEquals("class A {}", BindingsWriter.ascii("class A {}"));
    assertEquals("class Gr\\u00f6\\u00dfe { String s = \"\\\\\\u03c9\\ud83d\\ude00\"; }",
        BindingsWriter.ascii("class Größe { String s = \"\\\\ω\ud83d\ude00\"; }"));
  }

  @Test
  void argumentListsWrapAsJavaPoetWraps() {
    SplittableRandom random = new SplittableRandom(20261125);
    for (int run = 0; run < 300; run++) {
      List<String> origins = randomStrings(random, "https://", ".example.com");
      CodeBlock poet = CodeBlock.builder()
          .add("$T.builder($S)\n", POLICY, "source").indent().indent()
          .add(".allowOrigins($L)\n", origins.stream()
              .map(origin -> CodeBlock.of("$S", origin))
              .collect(CodeBlock.joining(",$W")))
          .add(".build()").unindent().unindent().build();
      CodeBlock text = CodeBlock.builder()
          .add("$T.builder($L)\n", POLICY, BindingsWriter.literal("source")).indent().indent()
          .add("$L", BindingsWriter.list(".allowOrigins(", literals(origins), ")",
              BindingsWriter.CONTINUED) + "\n.build()")
          .unindent().unindent().build();
      assertEquals(file(field(poet)), file(field(text)), origins.toString());
    }
  }

  @Test
  void switchArmsWrapAsJavaPoetWraps() {
    SplittableRandom random = new SplittableRandom(4711);
    for (int run = 0; run < 300; run++) {
      List<String> keys = randomStrings(random, "method", "(java.lang.String)");
      String constant = "CONSTANT_" + "X".repeat(random.nextInt(30));
      CodeBlock poet = CodeBlock.builder().add("return switch (methodKey) {\n").indent()
          .add("case $L -> $N;\n", keys.stream()
              .map(key -> CodeBlock.of("$S", key))
              .collect(CodeBlock.joining(",$W")), constant)
          .add("default -> null;\n").unindent().add("};\n").build();
      CodeBlock text = CodeBlock.builder().add("return switch (methodKey) {\n").indent()
          .add("$L", BindingsWriter.list("case ", literals(keys), " -> " + constant + ";",
              BindingsWriter.ARM) + "\n")
          .add("default -> null;\n").unindent().add("};\n").build();
      assertEquals(file(method(poet)), file(method(text)), keys.toString());
    }
  }

  /** One to 40 strings of lengths that put list ends on every column around the limit. */
  private static List<String> randomStrings(SplittableRandom random, String prefix,
      String suffix) {
    List<String> values = new ArrayList<>();
    int count = 1 + random.nextInt(40);
    for (int i = 0; i < count; i++) {
      values.add(prefix + "x".repeat(random.nextInt(60)) + i + suffix);
    }
    return values;
  }

  private static List<String> literals(List<String> values) {
    return values.stream().map(BindingsWriter::literal).toList();
  }

  private static TypeSpec field(CodeBlock initializer) {
    return TypeSpec.classBuilder("Generated")
        .addField(FieldSpec.builder(POLICY, "POLICY", Modifier.STATIC, Modifier.FINAL)
            .initializer(initializer)
            .build())
        .build();
  }

  private static TypeSpec method(CodeBlock body) {
    return TypeSpec.classBuilder("Generated")
        .addMethod(MethodSpec.methodBuilder("policy")
            .addModifiers(Modifier.STATIC)
            .returns(POLICY)
            .addParameter(String.class, "methodKey")
            .addCode(body)
            .build())
        .build();
  }

  private static String file(TypeSpec type) {
    return JavaFile.builder("p", type).indent("  ").build().toString();
  }
}
