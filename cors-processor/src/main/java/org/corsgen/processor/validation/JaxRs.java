package org.corsgen.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What JAX-RS makes of classes and methods, read from annotation mirrors by name: the processor
 * does not need the JAX-RS API on its own class path.
 */
final class JaxRs {

  static final String PATH = "jakarta.ws.rs.Path";
  static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
  static final String CORS = "org.corsgen.Cors";
  static final String HEADER_PARAM = "jakarta.ws.rs.HeaderParam";
  static final String COOKIE_PARAM = "jakarta.ws.rs.CookieParam";
  static final String DEFAULT_VALUE = "jakarta.ws.rs.DefaultValue";
  static final String BEAN_PARAM = "jakarta.ws.rs.BeanParam";
  static final String CONSUMES = "jakarta.ws.rs.Consumes";
  private static final Set<String> NON_ENTITY_PARAMETERS = Set.of(
      "jakarta.ws.rs.PathParam", "jakarta.ws.rs.QueryParam", HEADER_PARAM,
      "jakarta.ws.rs.CookieParam", "jakarta.ws.rs.MatrixParam", "jakarta.ws.rs.FormParam",
      BEAN_PARAM, "jakarta.ws.rs.core.Context",
      "jakarta.ws.rs.container.Suspended");

  private final Elements elements;
  private final Types types;

  JaxRs(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * A concrete class Jersey can serve as a root resource: it has {@code @Path}, or inherits one
   * (see {@link #pathType}).
   */
  boolean isRootResource(TypeElement type) {
    return type.getKind().isClass()
        && !type.getModifiers().contains(Modifier.ABSTRACT)
        && pathType(type).isPresent();
  }

  /**
   * A concrete class without {@code @Path} that has resource methods or sub-resource locators and
   * a {@code @Cors} in effect: Jersey serves it only where a sub-resource locator returns an
   * instance of it, at the locator's path. Local classes are left out: javac never shows their
   * {@code @Cors} to a processor.
   */
  boolean isSubResource(TypeElement type) {
    return type.getKind().isClass()
        && !type.getModifiers().contains(Modifier.ABSTRACT)
        && (type.getNestingKind() == NestingKind.TOP_LEVEL
            || type.getNestingKind() == NestingKind.MEMBER)
        && pathType(type).isEmpty()
        && hasCors(type)
        && servesRequests(type);
  }

  /** Whether {@code type}, a method of it or any supertype has {@code @Cors}. */
  private boolean hasCors(TypeElement type) {
    if (annotation(type, CORS).isPresent() || ElementFilter.methodsIn(type.getEnclosedElements())
        .stream().anyMatch(method -> annotation(method, CORS).isPresent())) {
      return true;
    }
    return directSupertypes(type).stream().anyMatch(supertype ->
        supertype.getKind() == TypeKind.DECLARED
            && hasCors((TypeElement) types.asElement(supertype)));
  }

  /** The superclass, then the interfaces, as declared: any of them may be unresolved. */
  static List<TypeMirror> directSupertypes(TypeElement type) {
    List<TypeMirror> supertypes = new ArrayList<>();
    supertypes.add(type.getSuperclass());
    supertypes.addAll(type.getInterfaces());
    return supertypes;
  }

  /** Whether a member of {@code type} is a resource method or a sub-resource locator. */
  private boolean servesRequests(TypeElement type) {
    return ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
        .map(method -> annotatedMethod(method, type))
        .flatMap(Optional::stream)
        .anyMatch(method -> httpMethod(method).isPresent() || path(method).isPresent());
  }

  /**
   * The type whose {@code @Path} Jersey serves {@code type} at: the class itself or its nearest
   * superclass with one, else the first interface with one that the class, or failing that a
   * superclass, implements directly. Jersey's rule, not the JAX-RS specification's, which does
   * not inherit class annotations; a class implementing a generated {@code @Path} API interface
   * relies on it.
   */
  Optional<TypeElement> pathType(TypeElement type) {
    Optional<TypeElement> firstInterface = Optional.empty();
    for (TypeElement level = type; level != null; level = superclass(level)) {
      if (annotation(level, PATH).isPresent()) {
        return Optional.of(level);
      }
      if (firstInterface.isEmpty()) {
        for (TypeMirror implemented : level.getInterfaces()) {
          TypeElement candidate = (TypeElement) types.asElement(implemented);
          if (candidate != null && annotation(candidate, PATH).isPresent()) {
            firstInterface = Optional.of(candidate);
            break;
          }
        }
      }
    }
    return firstInterface;
  }

  private TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) types.asElement(superclass)
        : null;
  }

  /**
   * The media types the resource methods of {@code resource} consume where they do not say:
   * Jersey reads {@code @Consumes} on the type it takes {@code @Path} from ({@link #pathType}, or
   * the class itself when none has one), and through its superclasses, since the annotation is
   * {@code @Inherited}; a supertype's that gives no {@code @Path} does not count.
   */
  Optional<List<String>> classConsumes(TypeElement resource) {
    TypeElement annotated = pathType(resource).orElse(resource);
    if (annotated.getKind().isInterface()) {
      return consumes(annotated);
    }
    for (TypeElement level = annotated; level != null; level = superclass(level)) {
      Optional<List<String>> found = consumes(level);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The path of a root resource class, wherever Jersey takes it from. */
  String classPath(TypeElement resource) {
    return pathType(resource).flatMap(this::path).orElse("");
  }

  /**
   * The method whose JAX-RS annotations apply to {@code method} as a member of {@code owner}:
   * the method itself if it has any, otherwise the nearest method it overrides that has some
   * (JAX-RS 3.1, section 3.6 "Annotation Inheritance"; superclasses before interfaces).
   */
  Optional<ExecutableElement> annotatedMethod(ExecutableElement method, TypeElement owner) {
    return nearest(method, owner, this::hasJaxRsAnnotations);
  }

  /**
   * The {@code @Cors} in effect on {@code method} as a member of {@code owner}: on the method
   * itself, else on the nearest method it overrides, whichever supertype declares it.
   */
  Optional<ExecutableElement> corsMethod(ExecutableElement method, TypeElement owner) {
    return nearest(method, owner, candidate -> annotation(candidate, CORS).isPresent());
  }

  /** {@code method}, or the nearest method it overrides, that satisfies {@code test}. */
  private Optional<ExecutableElement> nearest(ExecutableElement method, TypeElement owner,
      Predicate<ExecutableElement> test) {
    if (test.test(method)) {
      return Optional.of(method);
    }
    return nearestAbove((TypeElement) method.getEnclosingElement(), method, owner, test);
  }

  /**
   * The nearest method above {@code level} that {@code method} overrides and that satisfies
   * {@code test}, superclass before interfaces. A supertype that does not declare the method is
   * looked through, as Jersey looks it up there with {@code Class.getMethod}, which finds one
   * inherited from further up ({@code abstract class Base implements Api {}} between a resource
   * and the {@code Api} that annotates its methods).
   */
  private Optional<ExecutableElement> nearestAbove(TypeElement level, ExecutableElement method,
      TypeElement owner, Predicate<ExecutableElement> test) {
    for (TypeElement supertype : supertypes(level)) {
      boolean declared = false;
      for (ExecutableElement candidate : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
        if (candidate.getSimpleName().equals(method.getSimpleName())
            && elements.overrides(method, candidate, owner)) {
          declared = true;
          if (!candidate.getModifiers().contains(Modifier.PUBLIC)) {
            // Class.getMethod, with which Jersey looks the method up there, sees public methods
            // only: neither this one's annotations nor those above it count.
            continue;
          }
          Optional<ExecutableElement> found = nearest(candidate, owner, test);
          if (found.isPresent()) {
            return found;
          }
        }
      }
      if (!declared) {
        Optional<ExecutableElement> found = nearestAbove(supertype, method, owner, test);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private List<TypeElement> supertypes(TypeElement type) {
    List<TypeElement> result = new ArrayList<>();
    if (type.getSuperclass().getKind() == TypeKind.DECLARED) {
      result.add((TypeElement) types.asElement(type.getSuperclass()));
    }
    for (TypeMirror iface : type.getInterfaces()) {
      result.add((TypeElement) types.asElement(iface));
    }
    return result;
  }

  /**
   * Whether a method carries annotations that make JAX-RS ignore those of the method it
   * overrides. Jersey counts exactly these (its {@code AnnotatedMethod}): designators,
   * {@code @Path}, {@code @Produces} and {@code @Consumes} on the method, and the parameter
   * annotations below; {@code @Suspended} or {@code @BeanParam} alone do not count.
   */
  private boolean hasJaxRsAnnotations(ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      if (METHOD_ANNOTATIONS.contains(name(mirror)) || httpMethodOf(mirror).isPresent()) {
        return true;
      }
    }
    for (VariableElement parameter : method.getParameters()) {
      for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
        if (PARAMETER_ANNOTATIONS.contains(name(mirror))) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Set<String> METHOD_ANNOTATIONS = Set.of(PATH, "jakarta.ws.rs.Produces",
      "jakarta.ws.rs.Consumes");

  private static final Set<String> PARAMETER_ANNOTATIONS = Set.of("jakarta.ws.rs.core.Context",
      "jakarta.ws.rs.Encoded", DEFAULT_VALUE, "jakarta.ws.rs.MatrixParam",
      "jakarta.ws.rs.QueryParam", "jakarta.ws.rs.CookieParam", "jakarta.ws.rs.HeaderParam",
      "jakarta.ws.rs.PathParam", "jakarta.ws.rs.FormParam");

  /** The HTTP method of a designator such as {@code @GET} or a custom {@code @PATCH}. */
  Optional<String> httpMethod(ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      Optional<String> httpMethod = httpMethodOf(mirror);
      if (httpMethod.isPresent()) {
        return httpMethod;
      }
    }
    return Optional.empty();
  }

  private Optional<String> httpMethodOf(AnnotationMirror mirror) {
    Element type = mirror.getAnnotationType().asElement();
    // As Jersey reads it (ResourceMethod.Builder.httpMethod): @HttpMethod("patch") serves PATCH.
    return annotation(type, HTTP_METHOD).flatMap(meta -> stringValue(meta, "value"))
        .map(method -> method.toUpperCase(Locale.ROOT));
  }

  /** The {@code @Path} value of a class or method. */
  Optional<String> path(Element element) {
    return annotation(element, PATH).flatMap(mirror -> stringValue(mirror, "value"));
  }

  /**
   * The media types {@code @Consumes} on {@code element} lists, each item split at commas as
   * JAX-RS allows, without parameters and in lower case; empty when it has no {@code @Consumes}.
   */
  static Optional<List<String>> consumes(Element element) {
    return annotation(element, CONSUMES).map(mirror -> {
      List<String> mediaTypes = new ArrayList<>();
      Object value = writtenValue(mirror, "value").map(AnnotationValue::getValue)
          .orElse(List.of());
      List<?> items = value instanceof List<?> list ? list : List.of(value);
      for (Object item : items) {
        Object text = item instanceof AnnotationValue annotationValue
            ? annotationValue.getValue() : item;
        for (String mediaType : String.valueOf(text).split(",")) {
          int parameters = mediaType.indexOf(';');
          String essence = (parameters < 0 ? mediaType : mediaType.substring(0, parameters))
              .strip().toLowerCase(Locale.ROOT);
          if (!essence.isEmpty()) {
            mediaTypes.add(essence);
          }
        }
      }
      return mediaTypes;
    });
  }

  /**
   * Whether JAX-RS reads the request body into {@code parameter}: it has none of the annotations
   * that bind a parameter to something else.
   */
  static boolean isEntityParameter(VariableElement parameter) {
    for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
      if (NON_ENTITY_PARAMETERS.contains(name(mirror))) {
        return false;
      }
    }
    return true;
  }

  /** The header a parameter, field or setter is bound to with {@code @HeaderParam}. */
  static Optional<String> headerParam(Element parameter) {
    return annotation(parameter, HEADER_PARAM).flatMap(mirror -> stringValue(mirror, "value"));
  }

  /** The name of the cookie a parameter, field or setter reads with {@code @CookieParam}. */
  static Optional<String> cookieParam(Element parameter) {
    return annotation(parameter, COOKIE_PARAM).flatMap(mirror -> stringValue(mirror, "value"));
  }

  /** The class of a parameter, field or setter annotated with {@code @BeanParam}. */
  static Optional<TypeElement> beanParam(Element bound) {
    if (annotation(bound, BEAN_PARAM).isEmpty()) {
      return Optional.empty();
    }
    TypeMirror type = bound instanceof ExecutableElement setter
        ? (setter.getParameters().size() == 1 ? setter.getParameters().get(0).asType() : null)
        : bound.asType();
    return type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement bean
        ? Optional.of(bean) : Optional.empty();
  }

  static Optional<AnnotationMirror> annotation(Element element, String name) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (name(mirror).equals(name)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value of an attribute as written; empty when it was left to its default. */
  static Optional<AnnotationValue> writtenValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> stringValue(AnnotationMirror mirror, String attribute) {
    return writtenValue(mirror, attribute).map(value -> String.valueOf(value.getValue()));
  }

  private static String name(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /**
   * The key the runtime computes with {@code MethodKey.of(Method)}: the name and the erased
   * parameter types as {@code Class.getTypeName()} spells them.
   */
  String methodKey(ExecutableElement method) {
    StringBuilder key = new StringBuilder(method.getSimpleName()).append('(');
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      key.append(i == 0 ? "" : ",").append(typeName(types.erasure(parameters.get(i).asType())));
    }
    return key.append(')').toString();
  }

  private String typeName(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      // Not toString(): it keeps type annotations, and Bean Validation's @Min or @Positive are
      // TYPE_USE, so "@Min(1) long id" would print as
      // "@jakarta.validation.constraints.Min(1L) long".
      return type.getKind().name().toLowerCase(Locale.ROOT);
    }
    switch (type.getKind()) {
      case ARRAY:
        return typeName(((ArrayType) type).getComponentType()) + "[]";
      case DECLARED:
        return elements.getBinaryName((TypeElement) ((DeclaredType) type).asElement()).toString();
      case TYPEVAR:
        return typeName(types.erasure(type));
      default:
        return type.toString();
    }
  }
}
