package org.corsgen.runtime.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Configuration;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.MalformedParameterizedTypeException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.corsgen.runtime.spi.CorsBindings;
import org.corsgen.runtime.internal.PreflightEndpoint.LaterPath;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.internal.util.ReflectionHelper;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.AnnotatedMethod;
import org.glassfish.jersey.server.model.MethodList;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.glassfish.jersey.uri.PathPattern;

/**
 * Adds a {@link PreflightEndpoint} to every path of the application's resource model at which a
 * resource method has a generated CORS policy, and to a path without one where a later path that
 * may match the same URLs has one ({@link PreflightEndpoint.LaterPath}).
 *
 * <p>Working on Jersey's runtime model, where resources are grouped by path regex, means that
 * classes sharing a path get one endpoint answering for all their methods, and that the endpoint
 * has exactly the template of the resource, so that it replaces Jersey's automatic OPTIONS answer.
 * Only resources the application serves are seen here.
 */
public final class CorsModelProcessor implements ModelProcessor {

  private static final Logger LOG = System.getLogger("org.corsgen");
  private static final String LOCATOR = CorsBindings.LOCATOR_PATH;

  @Override
  public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
    // Each call's state travels with it: another application may share this instance (one
    // started from a copy of this one's configuration) and model its sub-resources at once.
    Wiring wiring = new Wiring(CorsApplication.start(configuration), new ResourceModel.Builder(
        new ArrayList<>(model.getResources()), false));
    addLevel(model.getRuntimeResourceModel().getRuntimeResources(), null, "", wiring);
    logSummary(wiring, applicationOf(configuration));
    return wiring.enhanced.build();
  }

  /** What start-up tells of this application's CORS: its paths and policies, or why none. */
  private void logSummary(Wiring wiring, String application) {
    List<PreflightEndpoint> added = wiring.added;
    if (!wiring.application.debug().said().isEmpty()) {
      LOG.log(Level.WARNING, wiring.application.debug().said());
    }
    if (LOG.isLoggable(Level.INFO)) {
      // Strings, not numbers, which MessageFormat would print as "1,000".
      LOG.log(Level.INFO, "corsgen: {0} CORS policies on {1} paths{2}{3}",
          String.valueOf(added.stream().flatMap(endpoint -> endpoint.policies().stream())
              .distinct().count()),
          String.valueOf(added.size()),
          application.isEmpty() ? "" : " of " + application, wiring.listing());
    }
    if (!wiring.located.isEmpty()) {
      LOG.log(Level.INFO, "corsgen: classes with CORS policies that locators return, answered"
          + " there from the first request through each locator:{0}",
          wiring.located.entrySet().stream()
              .map(entry -> "\n  " + entry.getKey() + ": " + String.join(", ", entry.getValue()))
              .collect(Collectors.joining()));
    }
    if (!wiring.opaque.isEmpty()) {
      LOG.log(Level.INFO, "corsgen: locators whose declared type does not say which class they"
          + " return; the policies of what they return are looked up at the first request"
          + " through each:{0}", wiring.opaque.stream().map(where -> "\n  " + where)
              .collect(Collectors.joining()));
    }
    String thisApplication = application.isEmpty()
        ? "this application" : "this application (" + application + ")";
    boolean nothing = added.isEmpty() && wiring.located.isEmpty()
        && wiring.ownOptionsPaths.isEmpty();
    if (nothing && wiring.application.index().foundAnIndex(wiring.locatorClasses)) {
      // The processor ran, for other classes: another application of the same deployment, say,
      // or the classes that opaque locators return, listed above.
      if (wiring.opaque.isEmpty()) {
        LOG.log(Level.INFO, "corsgen: no resource of " + thisApplication + " has a CORS policy,"
            + " so corsgen answers no preflight and adds no header here (if some have @Cors,"
            + " they were compiled without cors-processor, or by an earlier corsgen version, and"
            + " then a warning above names them)");
      }
    } else if (nothing) {
      // The usual cause is a build that never ran the processor (Maven's default compiler plugin
      // before 3.5 ignores annotationProcessorPaths without a word); it shows only at run time.
      LOG.log(Level.WARNING, "corsgen: no resource of " + thisApplication + " has a CORS policy, so"
          + " corsgen answers no preflight and adds no header. If some have @Cors, cors-processor"
          + " did not run when they were compiled: there is no " + CorsBindings.INDEX + " on"
          + " their class path. With Maven, list it under annotationProcessorPaths of"
          + " maven-compiler-plugin 3.5 or later; from JDK 23 on, javac runs a processor found on"
          + " the class path only with -proc:full (corsgen's README, \"Use it in your project\").");
    }
    wiring.otherOptionsPaths.forEach((method, paths) -> LOG.log(Level.INFO, "corsgen: at {0} CORS"
        + " paths Jersey may choose the OPTIONS method of {1} over corsgen''s; corsgen answers the"
        + " preflights it is chosen for", paths, method));
  }

  /**
   * What tells this application from others of the same deployment in the log (a WAR may serve
   * several, and auto-discovery gives each CorsFeature): its configured name, else its class,
   * unless that is Jersey's own; empty when neither tells.
   */
  static String applicationOf(Configuration configuration) {
    if (!(configuration instanceof ResourceConfig config)) {
      return "";
    }
    if (config.getApplicationName() != null) {
      return config.getApplicationName();
    }
    // At start-up Jersey wraps the application (twice for a plain Application): unwrap it.
    Application application = config;
    while (application instanceof ResourceConfig wrapper && wrapper.getApplication() != wrapper) {
      application = wrapper.getApplication();
    }
    String name = application.getClass().getName();
    return name.startsWith("org.glassfish.jersey.") ? "" : name;
  }

  /**
   * A sub-resource a locator returns, which Jersey models once per class at the first request
   * that reaches it: a class with policies (one without {@code @Path}, or a root resource that a
   * locator also returns) gets its endpoints there, so that preflights at the locator's paths are
   * answered.
   */
  @Override
  public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
    Wiring wiring = new Wiring(CorsApplication.of(configuration), new ResourceModel.Builder(
        new ArrayList<>(model.getResources()), true), LOCATOR, returnedName(model));
    addLevel(model.getRuntimeResourceModel().getRuntimeResources(), null, "", wiring);
    if (wiring.added.isEmpty()) {
      return model;
    }
    String described = wiring.returned + wiring.listing();
    // Jersey models a class again when its cache lets it go, and a returned Resource at every
    // request: said once all the same.
    if (wiring.application.sayOnce(described)) {
      LOG.log(Level.INFO, "corsgen: preflights answered where a locator returns {0}", described);
    }
    return wiring.enhanced.build();
  }

  /** The class a locator returned, or for a {@code Resource} it built without one, its name. */
  private static String returnedName(ResourceModel model) {
    Resource resource = model.getResources().get(0);
    if (!resource.getHandlerClasses().isEmpty()) {
      return resource.getHandlerClasses().iterator().next().getName();
    }
    return resource.getName() != null ? resource.getName() : "a Resource built by the locator";
  }

  /**
   * A path of one resource level, in the order in which Jersey tries them.
   *
   * @param methods what it serves; {@code null} for a path Jersey descends into
   */
  private record LevelPath(RuntimeResource resource, String path, PathPattern pattern,
      Methods methods) {

    /** Whether Jersey descends into it (sub-resources or a locator) instead of serving it. */
    boolean descends() {
      return methods == null;
    }
  }

  /** What one path's resource methods serve, as the preflight endpoint needs it. */
  private record Methods(MethodTable table, boolean ownOptions,
      List<ResourceMethod> otherOptions) {}

  /**
   * Adds the endpoints of one level of the resource tree (the root resources, or the children of
   * one resource), then of the levels below it. Jersey routes a request to the first path of a
   * level that matches its URL and serves its method, so an endpoint answers for the methods of
   * the later paths of its level that may match the same URL too ({@link PreflightEndpoint}).
   */
  private void addLevel(List<RuntimeResource> resources, RuntimeResource parent,
      String parentPath, Wiring wiring) {
    List<LevelPath> level = new ArrayList<>();
    // The routes of Jersey's RuntimeModelBuilder.buildModel, in its order: per resource, its
    // methods (closed pattern), then, where Jersey descends, its open pattern (sub-resources at
    // the root, a locator at any level); last, a locator of the parent itself.
    Map<RuntimeResource, String> paths = new LinkedHashMap<>();
    for (RuntimeResource resource : resources) {
      // A sub-resource's own @Path does not count where a locator returns it.
      String path = parent == null && wiring.locator != null
          ? wiring.locator : join(parentPath, resource.getResources().get(0).getPath());
      paths.put(resource, path);
      String named = named(path);
      if (!resource.getResourceMethods().isEmpty()) {
        level.add(new LevelPath(resource, named, PathPattern.asClosed(resource.getPathPattern()),
            methodsOf(resource, named, wiring)));
      }
      if (resource.getResourceLocator() != null
          || parent == null && !resource.getChildRuntimeResources().isEmpty()) {
        level.add(new LevelPath(resource, named, resource.getPathPattern(), null));
      }
      if (resource.getResourceLocator() != null && wiring.locator == null) {
        wiring.locatorClasses.add(
            resource.getResourceLocator().getInvocable().getHandler().getHandlerClass());
        addLocated(resource.getResourceLocator().getInvocable().getRawResponseType(), named,
            wiring);
      }
    }
    if (parent != null && parent.getResourceLocator() != null) {
      level.add(new LevelPath(parent, named(parentPath), PathPattern.OPEN_ROOT_PATH_PATTERN,
          null));
    }
    for (int i = 0; i < level.size(); i++) {
      if (!level.get(i).descends()) {
        addPreflightEndpoint(level.get(i), laterOverlapping(level, i), wiring);
      }
    }
    paths.forEach((resource, path) ->
        addLevel(resource.getChildRuntimeResources(), resource, path, wiring));
  }

  /**
   * Records the class a locator declares it returns if it has policies, then, once per class, the
   * same for the locators of that class. Jersey models it only at the first request through the
   * locator, so its policies are resolved now: one whose origins placeholder has no valid value
   * fails the start-up, as a root resource's does, rather than leave those methods without CORS
   * at run time. A declared type that does not name the class Jersey will model ({@code Object},
   * an interface, an abstract class, {@code Class}, {@code Resource}) is only recorded as such.
   *
   * <p>The locators of a returned class are found by reflection, not through Jersey's
   * {@code Resource.from}: that would run Jersey's validation of the class inside the start-up's,
   * and an error Jersey reports only at the first request through the locator (two locators at
   * one path, say) would stop the whole application.
   *
   * @param where the locator's path, or for a locator of a class that locators return, its path
   *     below theirs and that class: each class's locators are walked once, since classes whose
   *     locators return one another would otherwise make the paths through them without end
   */
  private void addLocated(Class<?> returned, String where, Wiring wiring) {
    if (returned.isPrimitive() || returned.isArray()) {
      return; // void, or a value Jersey cannot route into: nothing of corsgen's there
    }
    if (returned.isInterface() || Modifier.isAbstract(returned.getModifiers())
        || returned == Object.class || returned == Class.class
        || Resource.class.isAssignableFrom(returned)) {
      wiring.opaque.add(where + " (" + returned.getSimpleName() + ")");
      return;
    }
    Boolean policies = wiring.walked.get(returned);
    if (policies == null) {
      MethodList locators;
      try {
        policies = hasPolicies(returned, where, wiring.application.index());
        locators = new MethodList(returned).withoutMetaAnnotation(HttpMethod.class)
            .withAnnotation(Path.class);
      } catch (LinkageError e) {
        // A class that cannot be linked yet (an optional dependency missing, say): Jersey says so
        // at the first request through the locator, as it would without corsgen.
        wiring.walked.put(returned, false);
        return;
      }
      wiring.walked.put(returned, policies);
      for (AnnotatedMethod locator : locators) {
        addLocated(returnType(returned, locator.getDeclaredMethod()),
            join(LOCATOR, locator.getAnnotation(Path.class).value()) + " in " + returned.getName(),
            wiring);
      }
    }
    if (policies) {
      wiring.located.computeIfAbsent(returned.getName(), name -> new TreeSet<>()).add(where);
    }
  }

  /**
   * The class {@code locator} of {@code owner} returns as Jersey sees it: the handling method's
   * return type, type variables resolved against {@code owner} (a {@code T locator()} of a generic
   * base), as Jersey's {@code Invocable} does.
   */
  private static Class<?> returnType(Class<?> owner, Method locator) {
    try {
      return ReflectionHelper.resolveGenericType(owner, locator.getDeclaringClass(),
          locator.getReturnType(), locator.getGenericReturnType()).rawClass();
    } catch (TypeNotPresentException | MalformedParameterizedTypeException | LinkageError e) {
      // A generic signature that cannot be read: Jersey meets the same at the first request.
      return locator.getReturnType();
    }
  }

  private static boolean hasPolicies(Class<?> type, String where, CorsIndex index) {
    try {
      for (Method method : type.getMethods()) {
        if (method.getDeclaringClass() != Object.class
            && index.policyFor(type, method).isPresent()) {
          return true;
        }
      }
      return false;
    } catch (IllegalStateException e) {
      throw new IllegalStateException("corsgen: " + type.getName() + ", which the locator at "
          + where + " returns, has a policy that cannot be used: " + e.getMessage(), e);
    }
  }

  /**
   * The paths after {@code level[index]} whose pattern may match a URL it matches; none when none
   * of them is served (one Jersey descends into only ends the search).
   */
  private static List<LaterPath> laterOverlapping(List<LevelPath> level, int index) {
    LevelPath first = level.get(index);
    List<LaterPath> later = new ArrayList<>();
    boolean served = false;
    for (LevelPath other : level.subList(index + 1, level.size())) {
      if (PathOverlap.mayOverlap(first.pattern(), other.pattern(), other.descends())) {
        later.add(new LaterPath(other.path(), other.pattern(),
            other.descends() ? null : other.methods().table()));
        served |= !other.descends();
      }
    }
    return served ? later : List.of();
  }

  /** The methods of one path and their policies, saying what Jersey will do with conflicts. */
  private static Methods methodsOf(RuntimeResource resource, String path, Wiring wiring) {
    boolean subResource = wiring.locator != null;
    CorsIndex index = wiring.application.index();
    Map<String, CorsPolicy> policyByMethod = new LinkedHashMap<>();
    Set<String> allow = new TreeSet<>();
    Set<String> withoutPolicy = new TreeSet<>();
    boolean ownOptions = false;
    List<ResourceMethod> otherOptions = new ArrayList<>();
    for (ResourceMethod method : resource.getResourceMethods()) {
      String httpMethod = method.getHttpMethod();
      allow.add(httpMethod);
      if (httpMethod.equals(HttpMethod.OPTIONS)) {
        // Extended alone does not tell: an application method with @ExtendedResource is one too.
        // What a model processor adds (WADL's, Jersey's own) is handled by an Inflector.
        if (method.isExtended() && Inflector.class.isAssignableFrom(
            method.getInvocable().getHandler().getHandlerClass())) {
          otherOptions.add(method);
        } else {
          ownOptions = true;
        }
      }
      Optional<CorsPolicy> policy;
      try {
        policy = policyOf(method, index);
      } catch (IllegalStateException e) {
        if (!subResource) {
          throw e; // at start-up: the application must not start with a policy it cannot apply
        }
        // A policy that cannot be used (an origins placeholder without a valid value), met while
        // Jersey serves a request through a locator: thrown, it would be a 500 on every request
        // there. This method gets no preflight answer, the others of the class still do;
        // FilterBinder says so, once.
        policy = Optional.empty();
      }
      if (policy.isEmpty()) {
        withoutPolicy.add(httpMethod);
        continue;
      }
      CorsPolicy previous = policyByMethod.putIfAbsent(httpMethod, policy.get());
      // Compared by what a preflight answers, as the processor compares them: one @Cors that
      // resources of two packages inherit is a constant in each package's generated class, and
      // policies that differ only in exposed headers differ only on actual responses.
      if (previous != null && previous != policy.get()
          && !previous.answersPreflightsLike(policy.get())) {
        wiring.warn(httpMethod + " " + wiring.shown(path) + " is served by methods with different"
            + " CORS policies; preflights use " + previous);
      }
    }
    for (String httpMethod : policyByMethod.keySet()) {
      if (withoutPolicy.contains(httpMethod)) {
        // Jersey picks one of them per request, by media type: the preflight says yes, and the
        // answers of the method without a policy then carry no CORS headers, not even Vary.
        wiring.warn(httpMethod + " " + wiring.shown(path) + " is served by methods with and"
            + " without a CORS policy; answers from those without one carry no CORS headers");
      }
    }
    if (allow.contains(HttpMethod.GET) && !allow.contains(HttpMethod.HEAD)) {
      // Without a HEAD method of its own, Jersey answers HEAD with the GET method, whose response
      // filter then applies, so HEAD shares GET's policy.
      allow.add(HttpMethod.HEAD);
      if (policyByMethod.containsKey(HttpMethod.GET)) {
        policyByMethod.put(HttpMethod.HEAD, policyByMethod.get(HttpMethod.GET));
      }
    }
    allow.add(HttpMethod.OPTIONS);
    return new Methods(new MethodTable(policyByMethod, allow), ownOptions, otherOptions);
  }

  private void addPreflightEndpoint(LevelPath levelPath, List<LaterPath> later, Wiring wiring) {
    Methods methods = levelPath.methods();
    boolean ownPolicies = methods.table().hasPolicies();
    List<String> laterWithPolicies = later.stream()
        .filter(other -> !other.descends() && other.table().hasPolicies())
        .map(LaterPath::path)
        .toList();
    if (!ownPolicies && (laterWithPolicies.isEmpty() || levelPath.resource().getResourceMethods()
        .stream().allMatch(ResourceMethod::isExtended))) {
      // A path of Jersey's own (WADL's application.wadl) is not the application's to answer for.
      return;
    }
    if (methods.ownOptions()) {
      wiring.ownOptionsPaths.add(levelPath.path());
      if (ownPolicies) {
        wiring.warn(wiring.shown(levelPath.path()) + " has its own @OPTIONS method, which answers"
            + " CORS preflights there instead of corsgen");
      } else {
        // The later paths only may match its URLs (PathOverlap errs on that side): no warning.
        wiring.say(Level.INFO, wiring.shown(levelPath.path()) + " has its own @OPTIONS method,"
            + " which answers CORS preflights instead of corsgen at URLs it shares with "
            + String.join(", ", laterWithPolicies));
      }
      return;
    }
    RuntimeResource resource = levelPath.resource();
    PreflightEndpoint endpoint = new PreflightEndpoint(levelPath.path(), methods.table(), later,
        wiring.application.debug());
    wiring.enhanced.addResource(withOptions(resource, resource.getResources().get(0), endpoint));
    wiring.added.add(endpoint);
    for (ResourceMethod other : methods.otherOptions()) {
      Class<?> handler = other.getInvocable().getHandler().getHandlerClass();
      wiring.application.otherOptionsMethods().add(handler);
      wiring.otherOptionsPaths.merge(handler.getName() + " (producing "
          + other.getProducedTypes() + ")", 1, Integer::sum);
    }
  }

  /** What the model processor adds and reports, gathered over the levels. */
  private static final class Wiring {
    /** The start being modelled. */
    final CorsApplication application;
    final ResourceModel.Builder enhanced;
    /** What stands for the locator's path in a sub-resource's paths; null for the application. */
    final String locator;
    final List<PreflightEndpoint> added = new ArrayList<>();
    final Map<String, Integer> otherOptionsPaths = new TreeMap<>();
    final List<String> ownOptionsPaths = new ArrayList<>();
    /** Classes with policies that the application's locators return, with the locators' paths. */
    final Map<String, Set<String>> located = new TreeMap<>();
    /** Classes locators return, walked already, and whether they have policies. */
    final Map<Class<?>, Boolean> walked = new HashMap<>();
    /** Locators whose declared type does not tell which class Jersey will model, and that type. */
    final Set<String> opaque = new TreeSet<>();
    /** The classes of the application's locators, beside which an index may be. */
    final Set<Class<?>> locatorClasses = new HashSet<>();

    /** The class a locator returns, for a sub-resource; null for the application. */
    final String returned;

    Wiring(CorsApplication application, ResourceModel.Builder enhanced) {
      this(application, enhanced, null, null);
    }

    Wiring(CorsApplication application, ResourceModel.Builder enhanced, String locator,
        String returned) {
      this.application = application;
      this.enhanced = enhanced;
      this.locator = locator;
      this.returned = returned;
    }

    /** {@code path} for the log: a sub-resource's, under {@code {locator}}, names its class. */
    String shown(String path) {
      return returned == null ? path : path + " where a locator returns " + returned;
    }

    void warn(String message) {
      say(Level.WARNING, message);
    }

    /**
     * Logs what the model shows. Jersey models a returned class again when its cache lets it go,
     * and a returned {@code Resource} at every request: about those, said once per start.
     */
    void say(Level level, String message) {
      if (returned == null || application.sayOnce(message)) {
        LOG.log(level, "corsgen: " + message);
      }
    }

    /** The added endpoints, a line each, for the log. */
    String listing() {
      // Placeholders by name on each path, their values once: many paths may share a long list.
      return added.stream()
          .map(endpoint -> "\n  " + endpoint.path() + ": " + endpoint.describe())
          .sorted()
          .collect(Collectors.joining())
          + added.stream()
              .flatMap(endpoint -> endpoint.policies().stream())
              .flatMap(policy -> policy.configuredValues().stream())
              .distinct()
              .sorted()
              .map(value -> "\n  configured: " + value)
              .collect(Collectors.joining());
    }
  }

  /**
   * A resource with the same path as {@code first} (and under the same parent) holding only the
   * OPTIONS method; the model builder merges it into the existing resource.
   */
  private static Resource withOptions(RuntimeResource resource, Resource first,
      PreflightEndpoint endpoint) {
    Resource.Builder builder = Resource.builder(first.getPath());
    builder.addMethod(HttpMethod.OPTIONS)
        .handledBy(endpoint)
        .nameBindings(PreflightBinding.class);
    Resource options = builder.build();
    if (resource.getParent() == null) {
      return options;
    }
    Resource.Builder parent = Resource.builder(resource.getParentResources().get(0).getPath());
    parent.addChildResource(options);
    return parent.build();
  }

  private static Optional<CorsPolicy> policyOf(ResourceMethod method, CorsIndex index) {
    if (method.getType() != ResourceMethod.JaxrsType.RESOURCE_METHOD) {
      return Optional.empty();
    }
    return index.policyFor(method.getInvocable().getHandler().getHandlerClass(),
        method.getInvocable().getHandlingMethod());
  }

  /**
   * {@code path} below {@code parent} as Jersey builds the regex it routes by, and the processor's
   * policy report names it: a leading slash where it has none, and one trailing slash, which
   * Jersey matches with or without, left out ({@code //} below the root is {@code /}, and
   * {@code x} below that is {@code //x}). Empty for the root; {@link #named} shows it.
   */
  private static String join(String parent, String path) {
    if (path == null) {
      return parent;
    }
    String child = path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    return parent + (child.endsWith("/") ? child.substring(0, child.length() - 1) : child);
  }

  /** A joined path as the start-up listing and the policy report write it, never empty. */
  private static String named(String joined) {
    return joined.isEmpty() ? "/" : joined;
  }
}
