package org.corsgen.bench.reflective;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The baseline: the CORS filter most JAX-RS projects carry. Every request looks the policy up by
 * reflection through {@link ResourceInfo}, matches the origin against the annotation's list
 * (turning subdomain patterns into a regular expression), and joins the header values anew.
 *
 * <p>Written plainly and correctly, without deliberate slowness: it is what corsgen replaces.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public final class ReflectiveCorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Context
  private ResourceInfo resourceInfo;

  public ReflectiveCorsFilter() {}

  /** For driving the filter outside Jersey. */
  public ReflectiveCorsFilter(ResourceInfo resourceInfo) {
    this.resourceInfo = resourceInfo;
  }

  /** Answers preflights. */
  @Override
  public void filter(ContainerRequestContext request) {
    if (!isPreflight(request)) {
      return;
    }
    ReflectiveCors cors = policy();
    if (cors == null) {
      return;
    }
    String origin = request.getHeaderString("Origin");
    String method = request.getHeaderString("Access-Control-Request-Method");
    if (!isAllowedOrigin(cors, origin)
        || !Arrays.asList(cors.methods()).contains(method)
        || !areAllowedHeaders(cors, request.getHeaderString("Access-Control-Request-Headers"))) {
      request.abortWith(Response.status(Response.Status.FORBIDDEN)
          .header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
          .build());
      return;
    }
    Response.ResponseBuilder answer = Response.noContent()
        .header("Access-Control-Allow-Origin", origin)
        .header("Access-Control-Allow-Methods", String.join(", ", cors.methods()))
        .header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    if (cors.allowHeaders().length > 0) {
      answer.header("Access-Control-Allow-Headers", String.join(", ", cors.allowHeaders()));
    }
    if (cors.allowCredentials()) {
      answer.header("Access-Control-Allow-Credentials", "true");
    }
    if (cors.maxAge() >= 0) {
      answer.header("Access-Control-Max-Age", String.valueOf(cors.maxAge()));
    }
    request.abortWith(answer.build());
  }

  /** Decorates actual responses. */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (isPreflight(request)) {
      return;
    }
    ReflectiveCors cors = policy();
    if (cors == null) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.add("Vary", "Origin");
    String origin = request.getHeaderString("Origin");
    if (origin == null || !isAllowedOrigin(cors, origin)) {
      return;
    }
    headers.putSingle("Access-Control-Allow-Origin", origin);
    if (cors.allowCredentials()) {
      headers.putSingle("Access-Control-Allow-Credentials", "true");
    }
    if (cors.exposeHeaders().length > 0) {
      headers.putSingle("Access-Control-Expose-Headers", String.join(", ", cors.exposeHeaders()));
    }
  }

  private static boolean isPreflight(ContainerRequestContext request) {
    return HttpMethod.OPTIONS.equals(request.getMethod())
        && request.getHeaderString("Origin") != null
        && request.getHeaderString("Access-Control-Request-Method") != null;
  }

  /** The method's annotation, else the class's. */
  private ReflectiveCors policy() {
    Method method = resourceInfo.getResourceMethod();
    ReflectiveCors cors = method == null ? null : method.getAnnotation(ReflectiveCors.class);
    if (cors == null && resourceInfo.getResourceClass() != null) {
      cors = resourceInfo.getResourceClass().getAnnotation(ReflectiveCors.class);
    }
    return cors;
  }

  private static boolean isAllowedOrigin(ReflectiveCors cors, String origin) {
    for (String allowed : cors.origins()) {
      if (allowed.contains("*")) {
        String regex = allowed.replace(".", "\\.").replace("*", "[a-z0-9-]+(\\.[a-z0-9-]+)*");
        if (origin.matches(regex)) {
          return true;
        }
      } else if (allowed.equalsIgnoreCase(origin)) {
        return true;
      }
    }
    return false;
  }

  private static boolean areAllowedHeaders(ReflectiveCors cors, String requested) {
    if (requested == null || requested.isBlank()) {
      return true;
    }
    for (String name : requested.split(",")) {
      String trimmed = name.trim();
      if (!trimmed.isEmpty()
          && Arrays.stream(cors.allowHeaders()).noneMatch(trimmed::equalsIgnoreCase)) {
        return false;
      }
    }
    return true;
  }
}
