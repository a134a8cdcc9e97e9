package org.corsgen.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.corsgen.processor.model.CorsResource;
import org.corsgen.processor.model.Endpoint;
import org.corsgen.processor.model.OriginPattern;
import org.corsgen.processor.model.Placeholder;
import org.corsgen.processor.model.Policy;

/**
 * Writes the generated code of the resources of one package that one round of processing
 * validated: a class {@code Cors_Foo}, named after the first of them, that implements
 * {@code CorsBindings} with one {@code CorsPolicy} constant per policy, built from precomputed
 * header values and origin lists, a method per resource with a {@code switch} from method keys to
 * those constants, and a {@code switch} from resource class to that method.
 *
 * <p>One class per package rather than per resource, because what javac pays per generated class
 * adds up: with a nested class per resource, compiling the generated code of 1,000 resources took
 * about twice as long. One file per package, because {@code javac}'s {@code Filer} compares each
 * new file with every input file and every file created before it: with a file per resource that
 * check grew with the square of the resources. Origins are lists handed to the runtime's
 * {@code OriginSet} rather than a generated matcher method, and the {@code switch} arms are plain
 * constants rather than {@code Optional.of} calls: a method and method reference per policy, then
 * a generic inference per arm, were the largest parts of the time {@code javac} spent compiling
 * generated code.
 */
public final class BindingsWriter {

  static final String RUNTIME_SPI = "org.corsgen.runtime.spi";
  private static final ClassName CORS_BINDINGS = ClassName.get(RUNTIME_SPI, "CorsBindings");
  /** The interface every generated class implements, and only those. */
  public static final String CORS_BINDINGS_NAME = CORS_BINDINGS.canonicalName();
  private static final ClassName CORS_POLICY = ClassName.get(RUNTIME_SPI, "CorsPolicy");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  /** The column JavaPoet wraps at, which {@link #list} wraps at too. */
  private static final int LINE_WIDTH = 100;
  /** Where a class member starts. */
  private static final int MEMBER_INDENT = 2;
  private static final Pattern TRAILING_SPACES = Pattern.compile(" +\n");
  /** Where a continued field initializer's lines start: member indent and two more levels. */
  static final int CONTINUED = 6;
  /** Where a {@code switch} arm in a method starts: member, body and switch indent. */
  static final int ARM = 6;
  private static final Set<String> JAVA_LANG_NAMES_USED = Set.of("Override", "String");
  /** Bytecode a generated class's static initializer may take: javac's limit is 65,535. */
  private static final int INITIALIZER_BUDGET = 48_000;
  /**
   * Constant pool entries a generated class may take: the class file format's limit is 65,535,
   * and each origin takes two (the string and its text).
   */
  private static final int CONSTANT_BUDGET = 60_000;
  /**
   * Exact origins a policy's constant lists itself; beyond, they are listed by methods of their
   * own, this many each, since a method holds at most 64 KB of bytecode, some 8,000 origins.
   */
  static final int ORIGINS_PER_PART = 1_000;
  private static final Pattern WORD_START = Pattern.compile("([a-z0-9])([A-Z])");

  /** Prefix of a generated class's name; the rest is its first resource's nested name. */
  static final String PREFIX = "Cors_";

  /** A validated resource and the class it was read from. */
  public record Bindings(CorsResource resource, TypeElement element) {}

  private final String processorName;

  public BindingsWriter(String processorName) {
    this.processorName = processorName;
  }

  /**
   * The classes to generate for {@code validated}: one per package, or a few for a very large one
   * (see {@link #classesOfPackage}), in package order.
   */
  public static List<List<Bindings>> classesOf(Collection<Bindings> validated) {
    Map<String, List<Bindings>> byPackage = new TreeMap<>();
    for (Bindings bindings : validated) {
      byPackage.computeIfAbsent(bindings.resource().packageName(), p -> new ArrayList<>())
          .add(bindings);
    }
    List<List<Bindings>> classes = new ArrayList<>();
    for (List<Bindings> group : byPackage.values()) {
      classes.addAll(classesOfPackage(group));
    }
    return classes;
  }

  /**
   * {@code group}, the resources of one package, sorted by binary name and cut into runs whose
   * policy constants fit in one class: javac initializes them all in one static initializer, and
   * refuses a method of more than 64 KB of bytecode. A package needs more than one class only when
   * it holds hundreds of resources, or policies with long origin lists.
   */
  static List<List<Bindings>> classesOfPackage(List<Bindings> group) {
    List<List<Bindings>> classes = new ArrayList<>();
    List<Bindings> current = new ArrayList<>();
    int bytes = 0;
    int constants = 0;
    for (Bindings bindings : group.stream()
        .sorted(Comparator.comparing(b -> b.resource().binaryName()))
        .toList()) {
      int needed = bindings.resource().policies().stream()
          .mapToInt(BindingsWriter::initializerBytes)
          .sum();
      // A resource alone always fits: its own class file holds the same strings.
      int entries = bindings.resource().policies().stream()
          .mapToInt(BindingsWriter::constantEntries)
          .sum();
      if (!current.isEmpty()
          && (bytes + needed > INITIALIZER_BUDGET || constants + entries > CONSTANT_BUDGET)) {
        classes.add(current);
        current = new ArrayList<>();
        bytes = 0;
        constants = 0;
      }
      current.add(bindings);
      bytes += needed;
      constants += entries;
    }
    classes.add(current);
    return classes;
  }

  /**
   * A generous estimate of the bytecode that initializes {@code policy}'s constant: each builder
   * call loads its arguments and invokes (3 to 9 bytes, 8 counted), each exact origin is stored
   * into the varargs array (at most 8), and the constant is stored (3). Measured: 55 bytes for a
   * policy of eight calls and one origin, which this puts at 75.
   */
  static int initializerBytes(Policy policy) {
    int exact = policy.exactOrigins().size();
    boolean inParts = exact > ORIGINS_PER_PART;
    int calls = 2 + (policy.anyOrigin() || exact > 0 ? 1 : 0)
        + (inParts ? parts(exact) - 1 : 0)
        + policy.patterns().size() + policy.placeholders().size()
        + (policy.allowCredentials() ? 1 : 0) + (policy.allowHeaders().isEmpty() ? 0 : 1)
        + (policy.exposeHeaders().isEmpty() ? 0 : 1) + (policy.maxAge().isPresent() ? 1 : 0);
    return 8 * calls + (inParts ? 0 : 8 * exact) + 3;
  }

  /**
   * A generous estimate of the constant pool entries {@code policy} adds: two per string (each
   * origin, pattern part, placeholder, header list and the source), and the methods and fields
   * its code refers to.
   */
  static int constantEntries(Policy policy) {
    return 2 * (policy.exactOrigins().size() + 2 * policy.patterns().size()
        + 2 * policy.placeholders().size() + 4) + 20 + 4 * parts(policy.exactOrigins().size());
  }

  private static int parts(int exactOrigins) {
    return (exactOrigins + ORIGINS_PER_PART - 1) / ORIGINS_PER_PART;
  }

  /**
   * The generated class's name for resources of one package (or a run of them, see
   * {@link #classesOfPackage}): {@code Cors_} and the nested name of the first resource by binary
   * name.
   * Named after a resource rather than the package, so that main and test code sharing a package
   * each get their own. The one way two can meet is a nested
   * {@code Outer.Inner} first in one compilation and a top-level {@code Outer_Inner} first in the
   * other: within one compilation {@code CorsGeneratedNameClash} refuses that pair, across two it
   * cannot see it (see docs/rules.md).
   */
  public static ClassName className(List<Bindings> group) {
    CorsResource first = first(group).resource();
    return ClassName.get(first.packageName(), PREFIX + first.nestedName());
  }

  /** The resource of {@code group} its generated class is named after. */
  public static Bindings first(List<Bindings> group) {
    return group.stream()
        .min(Comparator.comparing(bindings -> bindings.resource().binaryName()))
        .orElseThrow();
  }

  /**
   * Writes {@code file} as {@link JavaFile#writeTo(Filer)} does, but in one piece: JavaPoet appends
   * to the {@code Filer}'s writer token by token, each append going through its charset encoder.
   */
  public static void writeTo(JavaFile file, Filer filer) throws IOException {
    // A wrapped initializer leaves JavaPoet's " = " at a line's end; no literal spans lines.
    String source = ascii(TRAILING_SPACES.matcher(file.toString()).replaceAll("\n"));
    TypeSpec type = file.typeSpec();
    String name = file.packageName().isEmpty()
        ? type.name()
        : file.packageName() + "." + type.name();
    JavaFileObject created = filer.createSourceFile(name,
        type.originatingElements().toArray(new Element[0]));
    try (Writer out = created.openWriter()) {
      out.write(source);
    }
  }

  /**
   * {@code source} with every character outside ASCII written as a Unicode escape, which javac
   * reads before anything else: the Filer writes generated sources in the build's
   * {@code -encoding}, and one that cannot encode a class's or method's name (US-ASCII,
   * ISO-8859-1 for {@code Ω}) would write {@code ?} in its place, in identifiers and in the
   * literals that name the resource to the runtime. JavaPoet escapes backslashes in literals, so
   * none is left where it would escape the escape.
   */
  static String ascii(String source) {
    int first = 0;
    while (first < source.length() && source.charAt(first) < 0x80) {
      first++;
    }
    if (first == source.length()) {
      return source;
    }
    StringBuilder escaped = new StringBuilder(source.length() + 16).append(source, 0, first);
    for (int i = first; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c < 0x80) {
        escaped.append(c);
      } else {
        escaped.append(String.format("\\u%04x", (int) c));
      }
    }
    return escaped.toString();
  }

  /**
   * The file for {@code group}, resources of one package as {@link #classesOfPackage} cuts them,
   * sorted by binary name.
   *
   * @param name {@link #className}, unless the Filer refused it
   * @param elements to find out whether the resources' module can see {@code @Generated}
   */
  public JavaFile write(List<Bindings> group, ClassName name, Elements elements) {
    List<Bindings> sorted = group.stream()
        .sorted(Comparator.comparing(b -> b.resource().binaryName()))
        .toList();
    // The list says why a class named after one resource holds others' policies too.
    StringBuilder held = new StringBuilder();
    for (Bindings bindings : sorted) {
      held.append("  <li>{@link ").append(bindings.element().getQualifiedName()).append("}\n");
    }
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addJavadoc("CORS policies of resources in $L, generated by corsgen from their\n"
            + "{@code @Cors} annotations, and named after the first of those it holds:\n"
            + "<ul>\n$L</ul>\n",
            name.packageName().isEmpty() ? "the unnamed package"
                : "{@code " + name.packageName() + "}", held);
    if (canSeeGenerated(sorted.get(0).element(), elements)) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED)
          .addMember("value", "$S", processorName)
          .build());
    }
    type.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(CORS_BINDINGS)
        .alwaysQualify(hiddenJavaLangNames(sorted.get(0).element(), elements));

    // Names unique in the class, keywords avoided. Each gets a tag of its own, a count: without
    // one, NameAllocator makes a random UUID, whose SecureRandom costs a cold javac 10 ms.
    NameAllocator constants = new NameAllocator();
    NameAllocator methods = new NameAllocator();
    int tags = 0;
    methods.newName("policyOrNull", tags++);
    // Not a keyword, so NameAllocator would hand it out, but javac refuses an unqualified call
    // to a method named yield (a restricted identifier), and the resource switch makes one.
    methods.newName("yield", tags++);
    StringBuilder byResource = new StringBuilder();
    List<MethodSpec> resourceMethods = new ArrayList<>();
    List<MethodSpec> originPartMethods = new ArrayList<>();
    // A supertype's policy that several resources inherit is one constant, as written by hand.
    Map<Policy, String> constantOfPolicy = new HashMap<>();
    for (Bindings bindings : sorted) {
      CorsResource resource = bindings.resource();
      type.addOriginatingElement(bindings.element());
      Map<Policy, String> constantNames = new LinkedHashMap<>();
      for (Map.Entry<Policy, List<Policy>> shared : sharedPolicies(resource).entrySet()) {
        Policy policy = shared.getKey();
        String constant = constantOfPolicy.get(policy);
        if (constant == null) {
          String prefix = upperSnakeCase(policy.owner());
          constant = constants.newName(
              policy.label().isEmpty() ? prefix : prefix + "_" + upperSnakeCase(policy.label()),
              tags++);
          constantOfPolicy.put(policy, constant);
          List<MethodSpec> parts = originParts(policy, constant, methods, tags);
          tags += parts.size();
          type.addField(policyConstant(policy, constant, parts));
          originPartMethods.addAll(parts);
        }
        String named = constant;
        shared.getValue().forEach(declared -> constantNames.put(declared, named));
      }
      String method = methods.newName(lowerCamelCase(resource.nestedName()), tags++);
      resourceMethods.add(policiesOf(bindings, method, constantNames));
      byResource.append("case ").append(literal(resource.binaryName())).append(" -> ")
          .append(method).append("(methodKey);\n");
    }

    type.addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Instantiated once per application by {@code CorsFeature}.\n")
            .addModifiers(Modifier.PUBLIC)
            .build())
        .addMethod(MethodSpec.methodBuilder("policyOrNull")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(CORS_POLICY)
            .addParameter(String.class, "resourceClass")
            .addParameter(String.class, "methodKey")
            .addCode(switchOver("resourceClass", byResource))
            .build())
        .addMethods(resourceMethods)
        .addMethods(originPartMethods);
    return JavaFile.builder(name.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /**
   * The {@code java.lang} classes the generated code names that a class of the resources' own
   * package hides: a class {@code String} or {@code Override} there wins over the implicit import,
   * so those must be written in full.
   */
  private static String[] hiddenJavaLangNames(TypeElement resource, Elements elements) {
    return elements.getPackageOf(resource).getEnclosedElements().stream()
        .map(type -> type.getSimpleName().toString())
        .filter(JAVA_LANG_NAMES_USED::contains)
        .toArray(String[]::new);
  }

  /**
   * {@code javax.annotation.processing.Generated} lives in the {@code java.compiler} module, which
   * a named module reads only when it says {@code requires static java.compiler}; without it the
   * annotation would not compile, so it is left out.
   */
  private static boolean canSeeGenerated(TypeElement resource, Elements elements) {
    ModuleElement module = elements.getModuleOf(resource);
    String generated = GENERATED.canonicalName();
    return module == null || module.isUnnamed()
        ? elements.getTypeElement(generated) != null
        : elements.getTypeElement(module, generated) != null;
  }

  /**
   * The methods that list the exact origins of a policy too long for its constant's initializer,
   * {@link #ORIGINS_PER_PART} each; none for a shorter one.
   */
  private static List<MethodSpec> originParts(Policy policy, String constant,
      NameAllocator methods, int firstTag) {
    List<String> exact = policy.exactOrigins();
    List<MethodSpec> parts = new ArrayList<>();
    if (exact.size() <= ORIGINS_PER_PART) {
      return parts;
    }
    for (int from = 0; from < exact.size(); from += ORIGINS_PER_PART) {
      int to = Math.min(from + ORIGINS_PER_PART, exact.size());
      String name = methods.newName(lowerCamelCaseOfConstant(constant) + "Origins"
          + (parts.size() + 1), firstTag + parts.size());
      parts.add(MethodSpec.methodBuilder(name)
          .addJavadoc("Origins $L to $L of {@link #$L}: one method's bytecode holds some 8,000.\n",
              from + 1, to, constant)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(String[].class)
          .addCode(CodeBlock.builder()
              .add("return new $T[] {\n", String.class)
              .indent().indent()
              // Array items line up rather than continue: the wrapped lines lose list's indent.
              .add("$L\n", list("", literals(exact.subList(from, to)), "", 8)
                  .replace("\n    ", "\n"))
              .unindent().unindent()
              .add("};\n")
              .build())
          .build());
    }
    return parts;
  }

  private static FieldSpec policyConstant(Policy policy, String name, List<MethodSpec> parts) {
    String builder = "CorsPolicy.builder(" + literal(policy.source()) + ")";
    // As a careful person wraps a long first line: after the '=', the calls a level further in.
    boolean wrapped = MEMBER_INDENT + "private static final CorsPolicy ".length() + name.length()
        + " = ".length() + builder.length() > LINE_WIDTH;
    int indent = wrapped ? CONTINUED + 4 : CONTINUED;
    StringBuilder calls = new StringBuilder();
    if (policy.anyOrigin()) {
      calls.append(".allowAnyOrigin()\n");
    } else if (!parts.isEmpty()) {
      for (MethodSpec part : parts) {
        calls.append(".allowOrigins(").append(part.name()).append("())\n");
      }
    } else if (!policy.exactOrigins().isEmpty()) {
      calls.append(list(".allowOrigins(", literals(policy.exactOrigins()), ")", indent))
          .append('\n');
    }
    for (OriginPattern pattern : policy.patterns()) {
      calls.append(!pattern.anyPort() ? ".allowSubdomains("
              : pattern.subdomains() ? ".allowSubdomainsOnAnyPort(" : ".allowHostOnAnyPort(")
          .append(literal(pattern.scheme())).append(", ")
          .append(literal(pattern.suffix())).append(")\n");
    }
    for (Placeholder placeholder : policy.placeholders()) {
      calls.append(".allowConfiguredOrigins(").append(literal(placeholder.key()));
      placeholder.defaultValue().ifPresent(value -> calls.append(", ").append(literal(value)));
      calls.append(")\n");
    }
    if (policy.allowCredentials()) {
      calls.append(".allowCredentials()\n");
    }
    if (!policy.allowHeaders().isEmpty()) {
      calls.append(".allowHeaders(").append(literal(String.join(", ", policy.allowHeaders())))
          .append(")\n");
    }
    if (!policy.exposeHeaders().isEmpty()) {
      calls.append(".exposeHeaders(").append(literal(String.join(", ", policy.exposeHeaders())))
          .append(")\n");
    }
    policy.maxAge().ifPresent(seconds ->
        calls.append(".maxAge(").append(seconds).append(")\n"));
    calls.append(".build()");
    return FieldSpec.builder(CORS_POLICY, name,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(wrapped
            ? CodeBlock.builder()
                .indent().indent()
                .add("\n$T.builder($L)\n", CORS_POLICY, sourceArgument(policy.source()))
                .indent().indent().add("$L", calls.toString()).unindent().unindent()
                .unindent().unindent()
                .build()
            : CodeBlock.builder()
                .add("$T.builder($L)\n", CORS_POLICY, literal(policy.source()))
                .indent().indent().add("$L", calls.toString()).unindent().unindent()
                .build())
        .build();
  }

  /**
   * The policy's source as the argument of a wrapped {@code CorsPolicy.builder(...)}: where one
   * policy stands for {@code @Cors} written at several places and the line would be too long, a
   * place per line, joined with {@code +} a level further in than the calls that follow.
   */
  private static CodeBlock sourceArgument(String source) {
    String[] places = source.split("(?<=; )");
    if (places.length == 1 || CONTINUED + "CorsPolicy.builder(".length()
        + literal(source).length() + 1 <= LINE_WIDTH) {
      return CodeBlock.of("$L", literal(source));
    }
    CodeBlock.Builder argument = CodeBlock.builder().add("$L", literal(places[0]));
    argument.indent().indent().indent().indent();
    for (int i = 1; i < places.length; i++) {
      argument.add("\n+ $L", literal(places[i]));
    }
    return argument.unindent().unindent().unindent().unindent().build();
  }

  /**
   * The resource's policies, one for each content, with the declared policies each stands for:
   * policies written alike on several methods (or on the class and a method) become one, declared
   * at all of their places, so that the runtime sees one policy and answers one preflight for all
   * of their methods.
   */
  private static Map<Policy, List<Policy>> sharedPolicies(CorsResource resource) {
    Map<Policy, List<Policy>> byContent = new LinkedHashMap<>();
    for (Policy policy : resource.policies()) {
      byContent.computeIfAbsent(policy.content(), content -> new ArrayList<>()).add(policy);
    }
    Map<Policy, List<Policy>> shared = new LinkedHashMap<>();
    for (List<Policy> alike : byContent.values()) {
      if (alike.size() == 1) {
        shared.put(alike.get(0), alike);
        continue;
      }
      // Named as the class's policy when it is one of them, else after each method.
      String label = alike.stream().anyMatch(policy -> policy.label().isEmpty())
          ? ""
          : alike.stream().map(Policy::label).distinct().collect(Collectors.joining("_"));
      shared.put(alike.get(0).declaredAs(
          alike.stream().map(Policy::source).collect(Collectors.joining("; ")), label), alike);
    }
    return shared;
  }

  /** The policies of the resource's methods by method key. */
  private static MethodSpec policiesOf(Bindings bindings, String name,
      Map<Policy, String> constantNames) {
    Map<String, List<String>> keysByConstant = new LinkedHashMap<>();
    for (Endpoint endpoint : bindings.resource().endpoints()) {
      keysByConstant.computeIfAbsent(constantNames.get(endpoint.policy()), p -> new ArrayList<>())
          .add(endpoint.methodKey());
    }
    StringBuilder arms = new StringBuilder();
    keysByConstant.forEach((constant, keys) -> arms
        .append(list("case ", literals(keys), " -> " + constant + ";", ARM))
        .append('\n'));
    return MethodSpec.methodBuilder(name)
        // The canonical name: a $ in the binary name may be the class's own, not a nesting.
        .addJavadoc("Policies of {@link $L}, by method key.\n",
            bindings.element().getQualifiedName())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(CORS_POLICY)
        .addParameter(String.class, "methodKey")
        .addCode(switchOver("methodKey", arms))
        .build();
  }

  /** {@code return switch (selector) {...}} with {@code arms} and a {@code null} default. */
  private static CodeBlock switchOver(String selector, CharSequence arms) {
    return CodeBlock.builder()
        .add("return switch ($L) {\n", selector)
        .indent().add("$L", arms.toString()).add("default -> null;\n").unindent()
        .add("};\n")
        .build();
  }

  /*
   * The code below renders literals and argument lists as text, handed to JavaPoet whole: its
   * CodeWriter compiles a regular expression for every piece of a format it emits and escapes
   * string literals one String per character, which together were most of the processor's own
   * time on large code bases. The output is the same code.
   */

  /**
   * {@code items} separated by commas between {@code open} and {@code close}, starting at column
   * {@code indent}, filling lines up to {@link #LINE_WIDTH} and continuing two levels further in,
   * as JavaPoet wraps.
   */
  static String list(String open, List<String> items, String close, int indent) {
    StringBuilder text = new StringBuilder(open);
    int column = indent + open.length();
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i) + (i < items.size() - 1 ? "," : close);
      if (i > 0 && column + 1 + item.length() > LINE_WIDTH) {
        text.append("\n    ");
        column = indent + 4;
      } else if (i > 0) {
        text.append(' ');
        column++;
      }
      text.append(item);
      column += item.length();
    }
    return text.toString();
  }

  private static List<String> literals(List<String> values) {
    List<String> literals = new ArrayList<>(values.size());
    for (String value : values) {
      literals.add(literal(value));
    }
    return literals;
  }

  /**
   * A Java string literal for {@code value}: JavaPoet's escaping wherever any is needed, except
   * for LINE and PARAGRAPH SEPARATOR, which JavaPoet leaves raw and its CodeWriter then takes for
   * line breaks, inside the literal.
   */
  static String literal(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u2028' || c == '\u2029') {
        String head = literal(value.substring(0, i));
        String tail = literal(value.substring(i + 1));
        return head.substring(0, head.length() - 1) + String.format("\\u%04x", (int) c)
            + tail.substring(1);
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return CodeBlock.of("$S", value).toString();
      }
    }
    return '"' + value + '"';
  }

  private static String upperSnakeCase(String name) {
    return WORD_START.matcher(name).replaceAll("$1_$2").toUpperCase(Locale.ROOT);
  }

  /** {@code ITEMS_RESOURCE_DELETE} as {@code itemsResourceDelete}. */
  private static String lowerCamelCaseOfConstant(String constant) {
    StringBuilder name = new StringBuilder();
    for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
      if (!word.isEmpty()) {
        name.append(name.length() == 0 ? word
            : Character.toUpperCase(word.charAt(0)) + word.substring(1));
      }
    }
    return name.toString();
  }

  private static String lowerCamelCase(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
