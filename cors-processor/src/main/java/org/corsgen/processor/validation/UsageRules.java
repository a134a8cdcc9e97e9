package org.corsgen.processor.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.diagnostics.Report;

/**
 * Checks a {@code @Cors} policy against the resource methods it applies to: what the annotation
 * alone cannot tell.
 */
final class UsageRules {

  private static final String AUTHORIZATION = "Authorization";
  private static final String CONTENT_TYPE = "Content-Type";

  /**
   * Media types, or ranges that include one, whose {@code Content-Type} is CORS-safelisted (Fetch,
   * CORS-safelisted request-header): a page may send them without a preflight's permission.
   */
  private static final Set<String> SAFELISTED_CONTENT_TYPES = Set.of(
      "application/x-www-form-urlencoded", "multipart/form-data", "text/plain",
      "application/*", "multipart/*", "text/*", "*/*", "*");

  private UsageRules() {}

  /**
   * Checks {@code cors}, in effect for {@code uses}, in a resource class that reads
   * {@code injected} headers and serves {@code servedByClass} (every HTTP method of any of its
   * resource methods), with HEAD methods of its own at {@code ownHeadPaths} (normalized). A
   * class-level policy {@code inherited} from a supertype may serve other resources that extend
   * it too, so which of its methods this one leaves unserved says nothing about the policy.
   */
  static void check(AnnotatedCors cors, List<ReadHeader> injected, List<ServedMethod> uses,
      Collection<String> servedByClass, Set<String> ownHeadPaths, boolean inherited,
      Optional<List<String>> classConsumes, Report report) {
    if (uses.isEmpty()) {
      // Only a class-level policy can cover nothing: a method's own @Cors covers that method.
      if (!inherited) {
        report.report(servedByClass.isEmpty() ? Message.NO_RESOURCE_METHOD
            : Message.CLASS_POLICY_UNUSED, cors.annotated(), cors.mirror(), Optional.empty(),
            ResourceValidator.describe(cors.annotated()));
      }
      return;
    }
    checkMethods(cors, answered(cors, uses, ownHeadPaths), served(servedByClass), inherited,
        report);
    checkAuthorization(cors, uses, injected, report);
    List<ReadHeader> readUnder = readUnder(cors, uses, injected);
    checkHeaderParams(cors, readUnder, report);
    checkCookieParams(cors, readUnder, report);
    checkContentType(cors, uses, classConsumes, report);
  }

  /** The HTTP methods answered: Jersey answers HEAD with the GET method. */
  private static Set<String> served(Collection<String> httpMethods) {
    Set<String> served = new TreeSet<>(httpMethods);
    if (served.contains("GET")) {
      served.add("HEAD");
    }
    return served;
  }

  /**
   * The HTTP methods a policy answers. Jersey answers HEAD with the GET method at a path without a
   * HEAD method, and the runtime then applies GET's policy; so HEAD counts only where the policy
   * grants GET too, or {@code methods = "HEAD"} would be accepted and grant nothing.
   */
  private static Set<String> answered(AnnotatedCors cors, List<ServedMethod> uses,
      Set<String> ownHeadPaths) {
    Set<String> answered = new TreeSet<>();
    for (ServedMethod use : uses) {
      answered.add(use.httpMethod());
      if (use.httpMethod().equals("GET") && cors.grants("GET")
          && !ownHeadPaths.contains(use.route())) {
        answered.add("HEAD");
      }
    }
    return answered;
  }

  private static void checkMethods(AnnotatedCors cors, Set<String> servedByPolicy,
      Set<String> servedByClass, boolean inherited, Report report) {
    List<AnnotationValue> items = cors.items("methods");
    List<AnnotationValue> notServed = new ArrayList<>();
    for (AnnotationValue item : items) {
      String method = (String) item.getValue();
      if (servedByPolicy.contains(method) || !HttpNames.isToken(method)
          || HttpNames.isForbiddenMethod(method) || method.equals("*")) {
        continue;
      }
      Optional<String> sameButCase = servedByClass.stream()
          .filter(served -> !served.equals(method) && served.equalsIgnoreCase(method))
          .findFirst();
      if (sameButCase.isPresent()) {
        // Rewriting it as the served spelling would only make it a duplicate.
        boolean listed = items.stream()
            .anyMatch(other -> sameButCase.get().equals(other.getValue()));
        report.report(listed ? Message.METHOD_CASE_BESIDE : Message.METHOD_CASE, cors.annotated(),
            cors.mirror(), Optional.of(item), method, sameButCase.get());
      } else {
        notServed.add(item);
      }
    }
    if (inherited) {
      return;
    }
    String served = servedByPolicy.isEmpty() ? "none" : String.join(", ", servedByPolicy);
    if (items.isEmpty() && !servedByPolicy.isEmpty()
        && servedByPolicy.stream().allMatch(HttpNames::isForbiddenMethod)) {
      // A designator of its own for TRACE, say: methods = {} then grants only that.
      report.report(Message.METHODS_GRANT_ONLY_FORBIDDEN, cors.annotated(), cors.mirror(),
          Optional.empty(), served);
      return;
    }
    if (!items.isEmpty() && notServed.size() == items.size()) {
      // Not one listed method is served: a policy that grants nothing is a mistake, not a detail.
      boolean headWithoutGet = servedByPolicy.contains("GET")
          && notServed.stream().anyMatch(item -> item.getValue().equals("HEAD"));
      report.report(Message.METHODS_GRANT_NOTHING, cors.annotated(), cors.mirror(),
          JaxRs.writtenValue(cors.mirror(), "methods"), items.stream()
              .map(item -> "\"" + item.getValue() + "\"")
              .collect(Collectors.joining(", ")),
          // Jersey answers HEAD with the GET method, so HEAD has GET's policy or none.
          headWithoutGet ? served + "; HEAD is answered by the GET method, under GET's policy:"
              + " list GET too" : served);
      return;
    }
    for (AnnotationValue item : notServed) {
      report.report(Message.METHOD_NOT_SERVED, cors.annotated(), cors.mirror(),
          Optional.of(item), item.getValue(), served);
    }
    // A forbidden method beside it (a TRACE designator) is preflighted for nothing, which
    // CorsOwnOptions says.
    if (servedByPolicy.contains("OPTIONS") && cors.grants("OPTIONS")
        && servedByPolicy.stream().filter(cors::grants).allMatch("OPTIONS"::equals)) {
      // A page's OPTIONS request is preflighted, and the preflight reaches the application's own
      // @OPTIONS method, for which corsgen makes no preflight answer: nothing the page can use.
      Set<String> others = servedByPolicy.stream()
          .filter(method -> !method.equals("OPTIONS") && !HttpNames.isForbiddenMethod(method))
          .collect(Collectors.toCollection(TreeSet::new));
      if (items.isEmpty() || others.isEmpty()) {
        report.report(Message.METHODS_GRANT_ONLY_OPTIONS, cors.annotated(), cors.mirror(),
            JaxRs.writtenValue(cors.mirror(), "methods"));
      } else {
        report.report(Message.METHODS_LIST_ONLY_OPTIONS, cors.annotated(), cors.mirror(),
            JaxRs.writtenValue(cors.mirror(), "methods"), String.join(", ", others));
      }
    }
  }

  /**
   * A method that reads a body only as, say, {@code application/json} can only be called by a
   * page sending {@code Content-Type: application/json}, a header that is not safelisted: the
   * preflight must allow it, or every such request fails (and without it, the body goes out as
   * {@code text/plain} and Jersey answers 415). A warning, not an error: a request without a body,
   * which Jersey matches whatever {@code @Consumes} says, still works.
   */
  private static void checkContentType(AnnotatedCors cors, List<ServedMethod> uses,
      Optional<List<String>> classConsumes, Report report) {
    List<AnnotationValue> allowHeaders = cors.items("allowHeaders");
    if (allowHeaders.stream().map(item -> (String) item.getValue())
        .anyMatch(name -> CONTENT_TYPE.equalsIgnoreCase(name)
            || (name.equals("*") && !cors.allowsCredentials()))) {
      return;
    }
    for (ServedMethod use : uses) {
      if (use.answersOptions() || !cors.grants(use.httpMethod())
          || use.annotated().getParameters().stream().noneMatch(JaxRs::isEntityParameter)
          || report.suppresses(Message.CONTENT_TYPE_NOT_ALLOWED, use.annotated())) {
        continue;
      }
      Optional<List<String>> consumed = JaxRs.consumes(use.annotated()).or(() -> classConsumes);
      if (consumed.isPresent() && !consumed.get().isEmpty()
          && consumed.get().stream().noneMatch(SAFELISTED_CONTENT_TYPES::contains)) {
        report.report(Message.CONTENT_TYPE_NOT_ALLOWED, cors.annotated(), cors.mirror(),
            JaxRs.writtenValue(cors.mirror(), "allowHeaders"), use.describe(),
            String.join(", ", consumed.get()));
        return;
      }
    }
  }

  /**
   * A request header read with {@code @HeaderParam}: by a resource method's parameter, or
   * injected into a root resource Jersey creates for each request (an instance field, or a
   * parameter of the constructor it calls), or by a member of a {@code @BeanParam} class.
   *
   * @param header the header's name, as {@code @HeaderParam} gives it
   * @param reader how the message names the parameter's method, field or constructor
   * @param suppressible where {@code @SuppressWarnings} silences what is said about it: any of
   *     these and what encloses them
   */
  record ReadHeader(String header, String reader, List<Element> suppressible, boolean cookie) {
    boolean suppresses(Message message, Report report) {
      return suppressible.stream().anyMatch(element -> report.suppresses(message, element));
    }
  }

  /**
   * The headers {@code resource}, a root resource, reads outside its methods' parameters: the
   * instance fields and setters of it and its superclasses, and the parameters of the public
   * constructor with the most parameters, the one Jersey calls. (A sub-resource is made by its
   * locator, which Jersey does not inject.)
   */
  static List<ReadHeader> injectedHeaders(TypeElement resource) {
    List<ReadHeader> headers = new ArrayList<>();
    readMembers(resource, null, List.of(), new HashSet<>(), headers);
    ElementFilter.constructorsIn(resource.getEnclosedElements()).stream()
        .filter(constructor -> constructor.getModifiers().contains(Modifier.PUBLIC))
        .max(Comparator.comparingInt(constructor -> constructor.getParameters().size()))
        .ifPresent(constructor -> constructor.getParameters().forEach(parameter ->
            read(parameter, ResourceValidator.describe(constructor), null,
                List.of(constructor, parameter), new HashSet<>(), headers)));
    return headers;
  }

  /** The headers a resource method reads through its parameters. */
  private static List<ReadHeader> headersRead(ServedMethod use) {
    List<ReadHeader> headers = new ArrayList<>();
    for (VariableElement parameter : use.annotated().getParameters()) {
      read(parameter, use.describe(), null, List.of(use.annotated(), parameter),
          new HashSet<>(), headers);
    }
    return headers;
  }

  /**
   * Adds the header {@code bound} (a parameter, field or setter) is bound to, named
   * {@code reader}, or those its {@code @BeanParam} class reads, silenced where any of
   * {@code suppressible} is.
   *
   * @param bean where {@code bound} is a member of a bean class, what its name ends with: the
   *     bean parameter, field or setter of a resource that holds it all, or null for the resource
   */
  private static void read(Element bound, String reader, String bean,
      List<Element> suppressible, Set<TypeElement> seenBeans, List<ReadHeader> headers) {
    JaxRs.headerParam(bound).ifPresent(header ->
        headers.add(new ReadHeader(header, reader, suppressible, false)));
    // A cookie with a default may be missing: the resource does not count on pages sending it.
    JaxRs.cookieParam(bound)
        .filter(cookie -> JaxRs.annotation(bound, JaxRs.DEFAULT_VALUE).isEmpty())
        .ifPresent(cookie -> headers.add(new ReadHeader(cookie, reader, suppressible, true)));
    JaxRs.beanParam(bound).filter(seenBeans::add).ifPresent(type -> readMembers(type,
        bean != null ? bean : " (in the @BeanParam of " + reader + ")", suppressible, seenBeans,
        headers));
  }

  /**
   * Adds what the instance fields and setters of {@code type} and its superclasses read, as Jersey
   * injects them into a resource or a {@code @BeanParam} class ({@code bean}, as in
   * {@link #read}).
   */
  private static void readMembers(TypeElement type, String bean, List<Element> suppressible,
      Set<TypeElement> seenBeans, List<ReadHeader> headers) {
    for (TypeElement declaring = type; declaring != null; declaring = superclass(declaring)) {
      for (Element member : declaring.getEnclosedElements()) {
        if (member.getModifiers().contains(Modifier.STATIC)
            || !(member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD)) {
          continue;
        }
        String name = (member instanceof ExecutableElement
            ? ResourceValidator.describe(member)
            : ResourceValidator.describe(declaring) + "." + member.getSimpleName())
            + (bean == null ? "" : bean);
        List<Element> here = new ArrayList<>(suppressible);
        here.add(member);
        read(member, name, bean, here, seenBeans, headers);
      }
    }
  }

  /**
   * A method that reads a request header with {@code @HeaderParam} expects pages to send it; when
   * the header needs the preflight's permission and {@code allowHeaders} does not list it, each
   * such request is refused. {@code readUnder} is what {@link #readUnder} gives: a root
   * resource's injected headers count too. Once per header name and policy, on the first reader: each policy needs its own
   * fix. {@code "*"} is {@link #checkAuthorization}'s, and an error of its own with credentials.
   */
  private static void checkHeaderParams(AnnotatedCors cors, List<ReadHeader> readUnder,
      Report report) {
    List<String> allowed = cors.items("allowHeaders").stream()
        .map(item -> (String) item.getValue())
        .toList();
    if (allowed.contains("*") || !allowed.stream().allMatch(HttpNames::isToken)) {
      // An entry that is no header name is an error already, maybe the very name read here.
      return;
    }
    Set<String> reported = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (ReadHeader header : readUnder) {
      if (!header.cookie() && !HttpNames.needsNoPreflightPermission(header.header())
          && allowed.stream().noneMatch(header.header()::equalsIgnoreCase)
          && !header.suppresses(Message.HEADER_PARAM_NOT_ALLOWED, report)
          && reported.add(header.header())) {
        // EventSource sends Last-Event-ID unasked, so the usual reason would be wrong for it.
        Message message = header.header().equalsIgnoreCase("Last-Event-ID")
            ? Message.HEADER_PARAM_LAST_EVENT_ID : Message.HEADER_PARAM_NOT_ALLOWED;
        report.report(message, cors.annotated(), cors.mirror(),
            JaxRs.writtenValue(cors.mirror(), "allowHeaders"), header.reader(), header.header(),
            header.header());
      }
    }
  }

  /**
   * A method that reads a cookie with {@code @CookieParam} expects pages to send it, which a
   * cross-origin request does only with {@code credentials: "include"}; the browser then hands
   * the answer to the page only with {@code Access-Control-Allow-Credentials: true} (Fetch, CORS
   * check). Without credentials in the policy, the page gets either no cookie or no answer. Once
   * per policy, on the first reader; not under {@code origins = "*"}, which credentials never
   * go with, nor for a cookie with a {@code @DefaultValue}, which says it may be missing.
   */
  private static void checkCookieParams(AnnotatedCors cors, List<ReadHeader> readUnder,
      Report report) {
    if (cors.allowsCredentials() || cors.items("origins").stream()
        .anyMatch(item -> item.getValue().equals("*"))) {
      // Under "*" no cross-origin page can send credentials: the cookie is another client's.
      return;
    }
    readUnder.stream()
        .filter(header -> header.cookie()
            && !header.suppresses(Message.COOKIE_WITHOUT_CREDENTIALS, report))
        .findFirst()
        .ifPresent(cookie -> report.report(Message.COOKIE_WITHOUT_CREDENTIALS, cors.annotated(),
            cors.mirror(), JaxRs.writtenValue(cors.mirror(), "allowCredentials"),
            cookie.reader(), cookie.header()));
  }

  /**
   * The headers and cookies read by the resource methods {@code cors} grants a method to (no
   * {@code @OPTIONS} method: preflights never reach it), and the {@code injected} ones when it
   * grants any.
   */
  private static List<ReadHeader> readUnder(AnnotatedCors cors, List<ServedMethod> uses,
      List<ReadHeader> injected) {
    List<ReadHeader> read = new ArrayList<>();
    boolean granted = false;
    for (ServedMethod use : uses) {
      if (!use.answersOptions() && cors.grants(use.httpMethod())) {
        granted = true;
        read.addAll(headersRead(use));
      }
    }
    if (granted) {
      read.addAll(injected);
    }
    return read;
  }

  /** The class {@code type} extends, when it is one other than {@code Object}. */
  private static TypeElement superclass(TypeElement type) {
    return type.getSuperclass() instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement superclass
        && !superclass.getQualifiedName().contentEquals("java.lang.Object")
        ? superclass
        : null;
  }

  /**
   * {@code allowHeaders = "*"} lets a page send any header except {@code Authorization}, which
   * must be listed by name (Fetch, CORS-preflight fetch); a method reading it then fails in
   * browsers. With credentials {@code "*"} is already an error of its own.
   */
  private static void checkAuthorization(AnnotatedCors cors, List<ServedMethod> uses,
      List<ReadHeader> injected, Report report) {
    List<AnnotationValue> allowHeaders = cors.items("allowHeaders");
    Optional<AnnotationValue> any = allowHeaders.stream()
        .filter(item -> item.getValue().equals("*"))
        .findFirst();
    if (any.isEmpty() || cors.allowsCredentials() || allowHeaders.stream()
        .anyMatch(item -> AUTHORIZATION.equalsIgnoreCase((String) item.getValue()))) {
      return;
    }
    List<ReadHeader> read = new ArrayList<>();
    uses.forEach(use -> read.addAll(headersRead(use)));
    read.addAll(injected);
    read.stream()
        .filter(header -> !header.cookie() && AUTHORIZATION.equalsIgnoreCase(header.header())
            && !header.suppresses(Message.ANY_HEADER_WITHOUT_AUTHORIZATION, report))
        .findFirst()
        .ifPresent(header -> report.report(Message.ANY_HEADER_WITHOUT_AUTHORIZATION,
            cors.annotated(), cors.mirror(), any, header.reader(), header.header()));
  }
}
