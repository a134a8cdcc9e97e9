package org.corsgen.runtime.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Configuration;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.corsgen.runtime.spi.CorsBindings;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.server.model.RuntimeResource;

/**
 * Adds a {@link PreflightEndpoint} to every path of the application's resource model at which a
 * resource method has a generated CORS policy.
 *
 * <p>Working on Jersey's runtime model, where resources are grouped by path regex, means that
 * classes sharing a path get one endpoint answering for all their methods, and that the endpoint
 * has exactly the template of the resource, so that it replaces Jersey's automatic OPTIONS answer.
 * Only resources the application serves are seen here.
 */
public final class CorsModelProcessor implements ModelProcessor {

  private static final Logger LOG = System.getLogger("org.corsgen");

  private final CorsIndex index;
  private final OtherOptionsMethods otherOptionsMethods;

  public CorsModelProcessor(CorsIndex index, OtherOptionsMethods otherOptionsMethods) {
    this.index = index;
    this.otherOptionsMethods = otherOptionsMethods;
  }

  @Override
  public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
    ResourceModel.Builder enhanced = new ResourceModel.Builder(new ArrayList<>(model.getResources()),
        false);
    List<PreflightEndpoint> added = new ArrayList<>();
    Map<String, Integer> otherOptionsPaths = new TreeMap<>();
    List<String> ownOptionsPaths = new ArrayList<>();
    for (RuntimeResource resource : model.getRuntimeResourceModel().getRuntimeResources()) {
      addPreflightEndpoints(resource, "", enhanced, added, otherOptionsPaths, ownOptionsPaths);
    }
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, "corsgen: {0} CORS policies on {1} paths{2}",
          added.stream().flatMap(endpoint -> endpoint.policies().stream()).distinct().count(),
          added.size(),
          added.stream().map(endpoint -> "\n  " + endpoint.path() + ": " + endpoint.describe())
              .sorted()
              .collect(Collectors.joining()));
    }
    if (added.isEmpty() && ownOptionsPaths.isEmpty()) {
      // The usual cause is a build that never ran the processor (Maven's default compiler plugin
      // before 3.5 ignores annotationProcessorPaths without a word); it shows only at run time.
      LOG.log(Level.WARNING, "corsgen: no resource of this application has a CORS policy, so"
          + " corsgen answers no preflight and adds no header. If some have @Cors, cors-processor"
          + " did not run when they were compiled: no " + CorsBindings.INDEX + " on the class"
          + " path names them. With Maven, list it under annotationProcessorPaths of"
          + " maven-compiler-plugin 3.5 or later (corsgen's README, \"Use it in your project\").");
    }
    otherOptionsPaths.forEach((method, paths) -> LOG.log(Level.INFO, "corsgen: at {0} CORS"
        + " paths Jersey may choose the OPTIONS method of {1} over corsgen''s; corsgen answers the"
        + " preflights it is chosen for", paths, method));
    return enhanced.build();
  }

  /**
   * Sub-resources returned by locators are left as they are: their classes are only known at run
   * time, so the processor cannot have generated anything for them.
   */
  @Override
  public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
    return model;
  }

  private void addPreflightEndpoints(RuntimeResource resource, String parentPath,
      ResourceModel.Builder enhanced, List<PreflightEndpoint> added,
      Map<String, Integer> otherOptionsPaths, List<String> ownOptionsPaths) {
    Resource first = resource.getResources().get(0);
    String path = join(parentPath, first.getPath());
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
      Optional<CorsPolicy> policy = policyOf(method);
      if (policy.isEmpty()) {
        withoutPolicy.add(httpMethod);
        continue;
      }
      CorsPolicy previous = policyByMethod.putIfAbsent(httpMethod, policy.get());
      if (previous != null && previous != policy.get()) {
        LOG.log(Level.WARNING, "corsgen: {0} {1} is served by methods with different CORS"
            + " policies; preflights use {2}", httpMethod, path, previous);
      }
    }
    for (String httpMethod : policyByMethod.keySet()) {
      if (withoutPolicy.contains(httpMethod)) {
        // Jersey picks one of them per request, by media type: the preflight says yes, and the
        // answers of the method without a policy then carry no CORS headers, not even Vary.
        LOG.log(Level.WARNING, "corsgen: {0} {1} is served by methods with and without a CORS"
            + " policy; answers from those without one carry no CORS headers", httpMethod, path);
      }
    }
    if (!policyByMethod.isEmpty()) {
      if (allow.contains(HttpMethod.GET) && !allow.contains(HttpMethod.HEAD)) {
        // Without a HEAD method of its own, Jersey answers HEAD with the GET method, whose
        // response filter then applies, so HEAD shares GET's policy.
        allow.add(HttpMethod.HEAD);
        if (policyByMethod.containsKey(HttpMethod.GET)) {
          policyByMethod.put(HttpMethod.HEAD, policyByMethod.get(HttpMethod.GET));
        }
      }
      allow.add(HttpMethod.OPTIONS);
      if (ownOptions) {
        ownOptionsPaths.add(path);
        LOG.log(Level.WARNING, "corsgen: {0} has its own @OPTIONS method, which answers CORS"
            + " preflights there instead of corsgen", path);
      } else {
        PreflightEndpoint endpoint = new PreflightEndpoint(path, policyByMethod, allow);
        enhanced.addResource(withOptions(resource, first, endpoint));
        added.add(endpoint);
        for (ResourceMethod other : otherOptions) {
          Class<?> handler = other.getInvocable().getHandler().getHandlerClass();
          otherOptionsMethods.add(handler);
          otherOptionsPaths.merge(handler.getName() + " (producing " + other.getProducedTypes()
              + ")", 1, Integer::sum);
        }
      }
    }
    for (RuntimeResource child : resource.getChildRuntimeResources()) {
      addPreflightEndpoints(child, path, enhanced, added, otherOptionsPaths, ownOptionsPaths);
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

  private Optional<CorsPolicy> policyOf(ResourceMethod method) {
    if (method.getType() != ResourceMethod.JaxrsType.RESOURCE_METHOD) {
      return Optional.empty();
    }
    return index.policyFor(method.getInvocable().getHandler().getHandlerClass(),
        method.getInvocable().getHandlingMethod());
  }

  private static String join(String parent, String path) {
    String child = path == null ? "" : path;
    String left = parent.endsWith("/") ? parent.substring(0, parent.length() - 1) : parent;
    String right = child.startsWith("/") ? child : "/" + child;
    return right.equals("/") && !left.isEmpty() ? left : left + right;
  }
}
