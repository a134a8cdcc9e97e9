package org.corsgen.processor.model;

/**
 * A resource method with a CORS policy in effect.
 *
 * @param methodKey the method's key shared with the runtime: {@code name(erased,parameter,types)}
 * @param httpMethod the HTTP method it serves, {@code "GET"} or a custom one such as
 *     {@code "PATCH"}
 * @param path the full path template, class {@code @Path} and method {@code @Path} joined
 * @param policy its policy
 * @param answersHead whether Jersey also answers HEAD at this path with this method, as it does
 *     with a GET method where the class has no HEAD method of its own; the policy then applies
 */
public record Endpoint(String methodKey, String httpMethod, String path, Policy policy,
    boolean answersHead) {}
