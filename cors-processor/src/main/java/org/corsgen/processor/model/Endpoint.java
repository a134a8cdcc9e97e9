package org.corsgen.processor.model;

/**
 * A resource method with a CORS policy in effect.
 *
 * @param methodKey the method's key shared with the runtime: {@code name(erased,parameter,types)}
 * @param httpMethod the HTTP method it serves, {@code "GET"} or a custom one such as {@code "PATCH"}
 * @param path the full path template, class {@code @Path} and method {@code @Path} joined
 * @param policy its policy
 */
public record Endpoint(String methodKey, String httpMethod, String path, Policy policy) {}
