package org.corsgen.runtime.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.corsgen.runtime.spi.CorsHeaders;
import org.corsgen.runtime.spi.CorsPolicy;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The policy for an error that a sub-resource locator raised itself, throwing (a
 * {@code NotFoundException} for an order that does not exist) or returning {@code null}: no
 * resource method was chosen, so no method's filter runs, and the page would see a network error
 * instead of the status.
 *
 * <p>Only where the answer is certain: the locator declares a concrete class, and every resource
 * method of that class for the request's HTTP method, at any path below the locator, has one and
 * the same policy (as under a class-level {@code @Cors}).
 */
final class LocatorFailure {

  private final CorsIndex index;
  /** By class a locator declares, the policy each HTTP method has throughout it, where one does. */
  private final Map<Class<?>, Map<String, CorsPolicy>> sharedByClass = new ConcurrentHashMap<>();

  LocatorFailure(CorsIndex index) {
    this.index = index;
  }

  /**
   * The HTTP method whose policy an error takes: the request's own, or for a preflight the one it
   * asks for, whose policy answers it.
   */
  static String methodOf(String httpMethod, MultivaluedMap<String, String> requestHeaders) {
    if (httpMethod.equals(HttpMethod.OPTIONS) && requestHeaders.containsKey(CorsHeaders.ORIGIN)) {
      String requested = CorsHeaders.single(requestHeaders, CorsHeaders.REQUEST_METHOD);
      if (requested != null) {
        return requested;
      }
    }
    return httpMethod;
  }

  /** The policy for this request's error, when its last locator failed and one policy is certain. */
  Optional<CorsPolicy> policyFor(ExtendedUriInfo uriInfo, String httpMethod) {
    List<ResourceMethod> locators = uriInfo.getMatchedResourceLocators();
    // Jersey records a locator before calling it, and what it returned after: one fewer
    // returned than called means the last one failed.
    if (locators.isEmpty() || uriInfo.getMatchedResourceMethod() != null
        || uriInfo.getLocatorSubResources().size() >= locators.size()) {
      return Optional.empty();
    }
    Class<?> returned = locators.get(0).getInvocable().getRawResponseType();
    if (returned.isInterface() || Modifier.isAbstract(returned.getModifiers())
        || returned == Object.class || returned == Class.class
        || Resource.class.isAssignableFrom(returned)) {
      // What it would have returned is known only from an instance it did not return.
      return Optional.empty();
    }
    return Optional.ofNullable(
        sharedByClass.computeIfAbsent(returned, this::sharedPolicies).get(httpMethod));
  }

  private Map<String, CorsPolicy> sharedPolicies(Class<?> returned) {
    Resource model = Resource.builder(returned, true).build();
    List<ResourceMethod> methods = new ArrayList<>(model.getResourceMethods());
    model.getChildResources().forEach(child -> methods.addAll(child.getResourceMethods()));
    Map<String, CorsPolicy> shared = new HashMap<>();
    Set<String> mixed = new HashSet<>();
    for (ResourceMethod method : methods) {
      String httpMethod = method.getHttpMethod();
      if (httpMethod == null) {
        continue;
      }
      Optional<CorsPolicy> policy;
      try {
        policy = index.policyFor(returned, method.getInvocable().getHandlingMethod());
      } catch (IllegalStateException e) {
        // A policy that cannot be used: FilterBinder serves that method without CORS.
        policy = Optional.empty();
      }
      CorsPolicy earlier = policy.isEmpty() ? null : shared.putIfAbsent(httpMethod, policy.get());
      if (policy.isEmpty() || (earlier != null && earlier != policy.get())) {
        mixed.add(httpMethod);
      }
    }
    mixed.forEach(shared::remove);
    if (methods.stream().noneMatch(method -> method.getHttpMethod().equals(HttpMethod.HEAD))
        && shared.containsKey(HttpMethod.GET)) {
      // Jersey serves HEAD with the GET methods where a class has no HEAD method of its own.
      shared.put(HttpMethod.HEAD, shared.get(HttpMethod.GET));
    }
    return Map.copyOf(shared);
  }
}
