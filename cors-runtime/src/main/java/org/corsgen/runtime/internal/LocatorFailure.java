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
  private final Map<Class<?>, Shared> sharedByClass = new ConcurrentHashMap<>();

  LocatorFailure(CorsIndex index) {
    this.index = index;
  }

  /**
   * The method a CORS preflight asks for, or {@code null} when the request is not one (or asks
   * for {@code OPTIONS}, which no preflight endpoint of corsgen grants).
   */
  static String preflightMethod(String httpMethod, MultivaluedMap<String, String> requestHeaders) {
    if (!httpMethod.equals(HttpMethod.OPTIONS) || !requestHeaders.containsKey(CorsHeaders.ORIGIN)) {
      return null;
    }
    String requested = CorsHeaders.single(requestHeaders, CorsHeaders.REQUEST_METHOD);
    return HttpMethod.OPTIONS.equals(requested) ? null : requested;
  }

  /** The policy for this request's error, when its last locator failed and one policy is certain. */
  Optional<CorsPolicy> policyFor(ExtendedUriInfo uriInfo, String httpMethod) {
    return failedLocatorsClass(uriInfo)
        .map(returned -> shared(returned).policies().get(httpMethod));
  }

  /**
   * The policy that answers a preflight for {@code requestedMethod} whose last locator failed,
   * where the request it stands for can only reach methods with that policy: the locator
   * declares a final class (no subclass of it, with other policies or methods, can be what it
   * returns when it does not fail) without locators of its own (whose classes' policies no
   * preflight here could know), every method of that class for the requested method has it, and
   * any locators before it declare final classes too.
   * A preflight is consent to receive the request, and a locator may fail for the preflight
   * alone, checking credentials that preflights never carry.
   */
  Optional<CorsPolicy> preflightPolicyFor(ExtendedUriInfo uriInfo, String requestedMethod) {
    List<ResourceMethod> locators = uriInfo.getMatchedResourceLocators();
    // The locators before the failing one returned an instance of their declared class, and
    // another request may get another class from them, with other locators and policies,
    // unless that class is final.
    for (int i = 1; i < locators.size(); i++) {
      if (!Modifier.isFinal(locators.get(i).getInvocable().getRawResponseType().getModifiers())) {
        return Optional.empty();
      }
    }
    return failedLocatorsClass(uriInfo)
        .filter(returned -> Modifier.isFinal(returned.getModifiers()))
        .map(this::shared)
        .filter(shared -> !shared.hasLocators())
        .map(shared -> shared.policies().get(requestedMethod));
  }

  /** The class the last locator of the request declares, when that locator failed. */
  private static Optional<Class<?>> failedLocatorsClass(ExtendedUriInfo uriInfo) {
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
    return Optional.of(returned);
  }

  /**
   * What a class a locator declares has throughout: the policy of each HTTP method where it has
   * one, and whether it has locators of its own.
   */
  private record Shared(Map<String, CorsPolicy> policies, boolean hasLocators) {}

  private Shared shared(Class<?> returned) {
    return sharedByClass.computeIfAbsent(returned, this::sharedPolicies);
  }

  private Shared sharedPolicies(Class<?> returned) {
    Resource model = Resource.builder(returned, true).build();
    List<ResourceMethod> methods = new ArrayList<>(model.getResourceMethods());
    model.getChildResources().forEach(child -> methods.addAll(child.getResourceMethods()));
    boolean hasLocators = model.getResourceLocator() != null
        || model.getChildResources().stream().anyMatch(child -> child.getResourceLocator() != null);
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
    return new Shared(Map.copyOf(shared), hasLocators);
  }
}
