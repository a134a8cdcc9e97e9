package org.corsgen.processor.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.diagnostics.Report;
import org.corsgen.processor.model.CorsResource;
import org.corsgen.processor.model.Endpoint;
import org.corsgen.processor.model.Policy;

/**
 * Turns a resource class (a root resource, a sub-resource that locators return, or a base that
 * root resources extend) into its {@link CorsResource} model and a {@link Report}: reads the
 * JAX-RS structure (paths, HTTP methods, inherited annotations), finds the policy in effect for
 * each resource method and validates it.
 */
public final class ResourceValidator {

  /** The outcome for one class: the model is present only when the report is clean. */
  public record Result(Report report, Optional<CorsResource> resource) {}

  private final Elements elements;
  private final Types types;
  private final JaxRs jaxRs;
  private final PolicyReader reader;
  private final PreflightTable preflights = new PreflightTable();

  public ResourceValidator(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.jaxRs = new JaxRs(elements, types);
    this.reader = new PolicyReader(elements);
  }

  /**
   * Whether JAX-RS would serve {@code type} as a root resource, or as a sub-resource with a
   * {@code @Cors} in effect (see {@link JaxRs#isSubResource}).
   */
  public boolean isResource(TypeElement type) {
    return jaxRs.isRootResource(type) || jaxRs.isSubResource(type);
  }

  /** Whether JAX-RS would serve {@code type} as a root resource. */
  public boolean isRootResource(TypeElement type) {
    return jaxRs.isRootResource(type);
  }

  /**
   * Whether {@code type} is a root resource at {@code //}: Jersey then serves the root resources
   * at {@code /} and {@code ""} of the application there too, merged with it (checked on
   * Jersey 4.0.2), so {@code /} with {@code x} is served at {@code //x}.
   */
  public boolean isRootAtDoubledSlash(TypeElement type) {
    return jaxRs.isRootResource(type) && jaxRs.classPath(type).equals("//");
  }

  /**
   * Whether {@code type}, a class without {@code @Path}, is extended by a root resource among
   * {@code resources}: a base whose {@code @Cors} they inherit, and which a locator may also
   * return (declared as itself, a supertype or {@code Object}, here or in another compilation).
   */
  public boolean isBaseOfRoot(TypeElement type, Collection<TypeElement> resources) {
    return !jaxRs.isRootResource(type) && resources.stream().anyMatch(resource ->
        !resource.equals(type) && jaxRs.isRootResource(resource) && extendsErased(resource, type));
  }

  /**
   * Whether every type and {@code @Cors} value of a resource is resolved. javac runs processors
   * before other processors' output exists, and shows a type it cannot resolve yet as an error
   * type, whose name would give the runtime a method key it never looks up.
   */
  public boolean isComplete(TypeElement resource) {
    Set<TypeElement> beans = new HashSet<>();
    List<? extends Element> members = elements.getAllMembers(resource);
    for (ExecutableElement method : ElementFilter.methodsIn(members)) {
      for (VariableElement parameter : method.getParameters()) {
        if (containsError(parameter.asType()) || !isBeanComplete(parameter, beans)) {
          return false;
        }
      }
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(members)) {
      for (VariableElement parameter : constructor.getParameters()) {
        if (!isBeanComplete(parameter, beans)) {
          return false;
        }
      }
    }
    for (Element member : members) {
      if (!isBeanComplete(member, beans)) {
        return false;
      }
    }
    // Every @Cors of the hierarchy, not only the resource's members': the policy in effect may
    // be a supertype's class-level one, or on a method that a member overrides.
    return hasWellFormedCors(resource);
  }

  /**
   * Whether the {@code @BeanParam} class that {@code bound} (a parameter, field or setter) reads
   * into, if any, is resolved, with its supertypes and the bean classes in it: the headers they
   * read are checked against the policy.
   */
  private boolean isBeanComplete(Element bound, Set<TypeElement> seen) {
    if (JaxRs.annotation(bound, JaxRs.BEAN_PARAM).isEmpty()) {
      return true;
    }
    TypeMirror type = bound instanceof ExecutableElement setter
        ? (setter.getParameters().size() == 1 ? setter.getParameters().get(0).asType() : null)
        : bound.asType();
    if (type != null && containsError(type)) {
      return false;
    }
    Optional<TypeElement> bean = JaxRs.beanParam(bound);
    if (bean.isEmpty() || !seen.add(bean.get())) {
      return true;
    }
    if (!hasResolvedSupertypes(bean.get())) {
      return false;
    }
    for (Element member : elements.getAllMembers(bean.get())) {
      if (!isBeanComplete(member, seen)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every value of the {@code @Cors} on {@code annotated} is resolved: one that names a
   * constant of a class another processor has yet to generate is not, until a later round.
   */
  public boolean isCorsResolved(Element annotated) {
    return new AnnotatedCors(annotated, JaxRs.annotation(annotated, JaxRs.CORS).orElseThrow())
        .isWellFormed();
  }

  private boolean hasWellFormedCors(TypeElement type) {
    List<Element> annotated = corsAnnotated(type);
    for (Element element : annotated) {
      if (!isCorsResolved(element)) {
        return false;
      }
    }
    for (TypeMirror supertype : JaxRs.directSupertypes(type)) {
      if (supertype.getKind() == TypeKind.DECLARED
          && !hasWellFormedCors((TypeElement) types.asElement(supertype))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every superclass and interface of {@code type}, all the way up, is resolved. One that
   * another processor has yet to generate may give the class its {@code @Path}, its resource
   * methods or their {@code @Cors}.
   */
  public boolean hasResolvedSupertypes(TypeElement type) {
    for (TypeMirror supertype : JaxRs.directSupertypes(type)) {
      if (supertype.getKind() == TypeKind.ERROR
          || (supertype.getKind() == TypeKind.DECLARED
              && !hasResolvedSupertypes((TypeElement) types.asElement(supertype)))) {
        return false;
      }
    }
    return true;
  }

  /** {@code type} and its methods, those of them that have {@code @Cors}. */
  public List<Element> corsAnnotated(TypeElement type) {
    List<Element> annotated = new ArrayList<>();
    if (JaxRs.annotation(type, JaxRs.CORS).isPresent()) {
      annotated.add(type);
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (JaxRs.annotation(method, JaxRs.CORS).isPresent()) {
        annotated.add(method);
      }
    }
    return annotated;
  }

  private static boolean containsError(TypeMirror type) {
    return type.getKind() == TypeKind.ERROR
        || (type.getKind() == TypeKind.ARRAY
            && containsError(((ArrayType) type).getComponentType()));
  }

  /**
   * Forgets the paths {@code resource} was validated at, as it is to be validated again: a class
   * read back from its class file that another processor generated again as source.
   */
  public void forget(TypeElement resource) {
    preflights.forget(resource);
  }

  /**
   * Validates a resource class; the model is empty when it has no CORS endpoint. A suppressible
   * message on an element {@code suppressionsLost} accepts counts as suppressed (see
   * {@link Report#Report(java.util.function.Predicate)}).
   *
   * @param baseOfRoot whether it is a class without {@code @Path} that root resources extend (see
   *     {@link #isBaseOfRoot}): its policies are checked with each of them, where they serve
   *     requests, so here only as policies, as if inherited; its code is still generated, for a
   *     locator that returns it
   * @param rootsAtDoubledSlash whether the compilation has a root resource at {@code //} (see
   *     {@link #isRootAtDoubledSlash}), where a root at {@code /} or {@code ""} is then served
   */
  public Result validate(TypeElement resource, boolean baseOfRoot, boolean rootsAtDoubledSlash,
      Predicate<Element> suppressionsLost) {
    Report report = new Report(suppressionsLost);
    boolean subResource = !jaxRs.isRootResource(resource);
    Optional<AnnotatedCors> classCors = classLevelCors(resource);
    String ownPath = jaxRs.classPath(resource);
    String classPath = rootsAtDoubledSlash && !subResource
        && (ownPath.isEmpty() || ownPath.equals("/")) ? "//" : ownPath;
    List<ServedMethod> served = servedMethods(resource,
        subResource ? Optional.empty() : Optional.of(classPath), classCors, report);

    Map<AnnotatedCors, List<ServedMethod>> uses = new LinkedHashMap<>();
    classCors.ifPresent(cors -> uses.put(cors, new ArrayList<>()));
    for (ServedMethod method : served) {
      method.cors().ifPresent(cors ->
          uses.computeIfAbsent(cors, c -> new ArrayList<>()).add(method));
    }
    Map<AnnotatedCors, Policy> policies = new HashMap<>();
    List<String> servedByClass = served.stream().map(ServedMethod::httpMethod).toList();
    // Jersey answers HEAD with the GET method at a path, unless that path has a HEAD method.
    Set<String> ownHead = new HashSet<>();
    for (ServedMethod method : served) {
      if (method.httpMethod().equals("HEAD")) {
        ownHead.add(method.route());
      }
    }
    uses.entrySet().removeIf(use -> !use.getKey().isWellFormed());
    Map<String, Long> policiesByMethodName = uses.keySet().stream()
        .map(AnnotatedCors::annotated)
        .filter(ExecutableElement.class::isInstance)
        .collect(Collectors.groupingBy(method -> method.getSimpleName().toString(),
            Collectors.counting()));
    List<UsageRules.ReadHeader> injected = subResource
        ? List.of()
        : UsageRules.injectedHeaders(resource);
    Optional<List<String>> classConsumes = jaxRs.classConsumes(resource);
    uses.forEach((cors, methods) -> {
      String label = cors.annotated() instanceof ExecutableElement method
          ? label(method, policiesByMethodName.get(method.getSimpleName().toString()) > 1)
          : "";
      TypeElement owner = cors.annotated() instanceof TypeElement type
          ? type
          : (TypeElement) cors.annotated().getEnclosingElement();
      reader.read(cors.annotated(), cors.mirror(), "@Cors on " + describe(cors.annotated()),
          nestedName(owner), label, report).ifPresent(policy -> policies.put(cors, policy));
      UsageRules.check(cors, injected, methods, servedByClass, ownHead, baseOfRoot
          || cors.annotated() instanceof TypeElement type && !type.equals(resource),
          classConsumes, report);
    });
    // A sub-resource's paths are relative to whichever locators return it, unknown here: its
    // methods can only be checked against each other (a base's, with its roots' already).
    if (!baseOfRoot) {
      (subResource ? new PreflightTable() : preflights).check(resource, served, policies,
          report);
    }

    List<Endpoint> endpoints = new ArrayList<>();
    for (ServedMethod method : served) {
      method.cors().map(policies::get)
          .filter(policy -> policy.grants(method.httpMethod()))
          .ifPresent(policy -> endpoints.add(new Endpoint(jaxRs.methodKey(method.method()),
              method.httpMethod(), method.path(), policy,
              method.httpMethod().equals("GET")
                  && !ownHead.contains(method.route()))));
    }
    if (!report.isClean() || endpoints.isEmpty()) {
      return new Result(report, Optional.empty());
    }
    return new Result(report, Optional.of(new CorsResource(
        elements.getBinaryName(resource).toString(),
        elements.getPackageOf(resource).getQualifiedName().toString(),
        nestedName(resource),
        endpoints, subResource)));
  }

  /**
   * The public resource methods of {@code resource}, each at its own path below
   * {@code classPath} (empty for a sub-resource: below whichever locator returns it), with the
   * {@code @Cors} in effect for each: its own (or that of the method it overrides), else the
   * class's. A {@code @Cors} on a method JAX-RS does not serve is reported.
   */
  private List<ServedMethod> servedMethods(TypeElement resource, Optional<String> classPath,
      Optional<AnnotatedCors> classCors, Report report) {
    List<ServedMethod> served = new ArrayList<>();
    List<ExecutableElement> members = ElementFilter.methodsIn(elements.getAllMembers(resource));
    // Jersey serves a method at @Path("/") (or "") at "//" when a public method there merges it
    // in, not at all beside a method without @Path, else as one without @Path (checked on
    // Jersey 4.0.2).
    boolean slashesMerge = false;
    boolean ownMethods = false;
    for (ExecutableElement member : members) {
      Optional<ExecutableElement> annotated = jaxRs.annotatedMethod(member, resource);
      if (member.getModifiers().contains(Modifier.PUBLIC) && annotated.isPresent()) {
        Optional<String> path = annotated.flatMap(jaxRs::path);
        slashesMerge |= path.filter("//"::equals).isPresent();
        ownMethods |= path.isEmpty() && annotated.flatMap(jaxRs::httpMethod).isPresent();
      }
    }
    for (ExecutableElement method : members) {
      // Static methods stay: Jersey lists a class's methods with Class.getMethods() and serves
      // a public static one like any other, except one a subclass's static method hides, which
      // getMethods() leaves out and getAllMembers() does not.
      if (((TypeElement) method.getEnclosingElement()).getQualifiedName()
              .contentEquals("java.lang.Object")
          || (method.getModifiers().contains(Modifier.STATIC) && members.stream().anyMatch(
              other -> other != method && other.getSimpleName().equals(method.getSimpleName())
                  && elements.hides(other, method)))) {
        continue;
      }
      Optional<ExecutableElement> annotated = jaxRs.annotatedMethod(method, resource);
      Optional<AnnotatedCors> ownCors = jaxRs.corsMethod(method, resource)
          .map(withCors -> new AnnotatedCors(withCors,
              JaxRs.annotation(withCors, JaxRs.CORS).orElseThrow()));
      Optional<String> httpMethod = annotated.flatMap(jaxRs::httpMethod);
      if (httpMethod.isEmpty()) {
        ownCors.ifPresent(cors -> report.report(Message.NOT_A_RESOURCE_METHOD, cors.annotated(),
            cors.mirror(), Optional.empty(), describe(cors.annotated())));
      } else if (!method.getModifiers().contains(Modifier.PUBLIC)) {
        ownCors.ifPresent(cors -> report.report(Message.NOT_PUBLIC_METHOD, cors.annotated(),
            cors.mirror(), Optional.empty(), describe(cors.annotated())));
      } else {
        Optional<String> ownPath = annotated.flatMap(jaxRs::path);
        boolean slash = ownPath.filter(path -> path.isEmpty() || path.equals("/")).isPresent();
        if (slash && !slashesMerge && ownMethods) {
          continue;
        }
        String methodPath = slash && slashesMerge ? "//" : ownPath.orElse("");
        served.add(new ServedMethod(method, annotated.get(), httpMethod.get(),
            classPath.map(path -> PathTemplates.join(path, methodPath))
                .orElseGet(() -> PathTemplates.belowLocator(methodPath)),
            classPath.map(path -> PathTemplates.route(path, methodPath))
                .orElseGet(() -> PathTemplates.routeBelowLocator(methodPath)),
            ownCors.or(() -> classCors)));
      }
    }
    return served;
  }

  /**
   * Checks a {@code @Cors} that is not inside a resource class of this round: on an abstract
   * class or interface it is inherited by the resources that extend it, and what it says by
   * itself is checked here; anywhere else JAX-RS never serves it.
   */
  public Report validatePlacement(Element annotated, Set<TypeElement> resources) {
    Report report = new Report();
    AnnotationMirror cors = JaxRs.annotation(annotated, JaxRs.CORS).orElseThrow();
    TypeElement type = annotated instanceof TypeElement t
        ? t
        : (TypeElement) annotated.getEnclosingElement();
    if (isResource(type)) {
      return report;
    }
    if (annotated.getKind() == ElementKind.ANNOTATION_TYPE) {
      // Abstract like an interface, but no resource class inherits it by implementing it: a
      // composed annotation in Spring's manner, which corsgen does not read.
      report.report(Message.ON_ANNOTATION_TYPE, type, cors, Optional.empty(),
          type.getQualifiedName());
      return report;
    }
    boolean inherited = type.getModifiers().contains(Modifier.ABSTRACT)
        || resources.stream().anyMatch(resource -> extendsErased(resource, type));
    if (annotated instanceof ExecutableElement method) {
      if (type.getKind().isInterface() && method.getModifiers().contains(Modifier.STATIC)) {
        report.report(Message.ON_STATIC_INTERFACE_METHOD, method, cors, Optional.empty(),
            describe(method));
      } else if (jaxRs.annotatedMethod(method, type).flatMap(jaxRs::httpMethod).isEmpty()) {
        report.report(Message.NOT_A_RESOURCE_METHOD, method, cors, Optional.empty(),
            describe(method));
      } else if (!method.getModifiers().contains(Modifier.PUBLIC)) {
        report.report(Message.NOT_PUBLIC_METHOD, method, cors, Optional.empty(),
            describe(method));
      } else {
        // Only an interface's or abstract class's: a concrete class with a resource method is a
        // resource, returned above.
        checkOwnValues(method, type, cors, report);
      }
    } else if (!inherited) {
      report.report(Message.NOT_A_RESOURCE_CLASS, type, cors, Optional.empty(),
          type.getQualifiedName());
    } else {
      checkOwnValues(type, type, cors, report);
    }
    return report;
  }

  /**
   * Checks what a policy on a supertype says by itself (its origins, headers, methods and max
   * age), where it is written: an API module of {@code @Path} interfaces is often compiled apart
   * from the classes that implement them, whose compilation could only report the errors without
   * a source line. What depends on the resources is checked with each of them; what both report
   * is printed once.
   */
  private void checkOwnValues(Element annotated, TypeElement type, AnnotationMirror cors,
      Report report) {
    reader.read(annotated, cors, "@Cors on " + describe(annotated), nestedName(type), "", report);
  }

  /** Whether {@code subtype} is {@code type} or extends it, generics aside. */
  private boolean extendsErased(TypeElement subtype, TypeElement type) {
    return types.isSubtype(types.erasure(subtype.asType()), types.erasure(type.asType()));
  }

  /** {@code @Cors} on the class itself, or else on the nearest supertype that has one. */
  private Optional<AnnotatedCors> classLevelCors(TypeElement type) {
    Optional<AnnotationMirror> own = JaxRs.annotation(type, JaxRs.CORS);
    if (own.isPresent()) {
      return Optional.of(new AnnotatedCors(type, own.get()));
    }
    for (TypeMirror supertype : JaxRs.directSupertypes(type)) {
      if (supertype.getKind() == TypeKind.DECLARED) {
        Optional<AnnotatedCors> inherited =
            classLevelCors((TypeElement) types.asElement(supertype));
        if (inherited.isPresent()) {
          return inherited;
        }
      }
    }
    return Optional.empty();
  }

  static String describe(Element element) {
    if (element instanceof ExecutableElement method) {
      // Parameter types, simply named, tell overloads apart in diagnostics, in start-up errors
      // and in the policy report, without the noise of javac's fully qualified signature.
      StringJoiner parameters = new StringJoiner(", ", "(", ")");
      for (VariableElement parameter : method.getParameters()) {
        parameters.add(simpleName(parameter.asType()));
      }
      String type = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
      return method.getKind() == ElementKind.CONSTRUCTOR
          ? type + parameters
          : type + "." + method.getSimpleName() + parameters;
    }
    return element instanceof TypeElement type ? type.getQualifiedName().toString()
        : element.toString();
  }

  /**
   * What a method's policy constant is named after: the method's name, and when several methods
   * of that name have policies, its parameter types too ({@code X_STRING} beside {@code X_INT},
   * rather than the {@code X} and {@code X_} a name clash would leave).
   */
  private static String label(ExecutableElement method, boolean overloaded) {
    StringBuilder label = new StringBuilder(method.getSimpleName());
    if (overloaded) {
      for (VariableElement parameter : method.getParameters()) {
        label.append('_').append(simpleName(parameter.asType()).replace("[]", "_Array"));
      }
    }
    return label.toString();
  }

  private static String simpleName(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type.getKind().name().toLowerCase(Locale.ROOT);
    }
    if (type instanceof ArrayType array) {
      return simpleName(array.getComponentType()) + "[]";
    }
    if (type instanceof DeclaredType declared) {
      return declared.asElement().getSimpleName().toString();
    }
    if (type instanceof TypeVariable variable) {
      // Its name alone: toString() would bring type-use annotations along ("@A T").
      return variable.asElement().getSimpleName().toString();
    }
    return type.toString();
  }

  private static String nestedName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement t;
        outer = t.getEnclosingElement()) {
      name.insert(0, t.getSimpleName() + "_");
    }
    return name.toString();
  }
}
