package org.corsgen.processor.model;

import java.util.List;

/**
 * A root resource class with at least one CORS endpoint: what the writer turns into a generated
 * class.
 *
 * @param binaryName the resource class's binary name, as the run-time index knows it
 * @param packageName its package
 * @param generatedSimpleName the generated class's name: nested names joined with {@code _},
 *     then {@code _Cors}
 * @param endpoints its endpoints, in source order
 */
public record CorsResource(
    String binaryName, String packageName, String generatedSimpleName, List<Endpoint> endpoints) {

  public CorsResource {
    endpoints = List.copyOf(endpoints);
  }

  /** The distinct policies of the endpoints, in first-use order. */
  public List<Policy> policies() {
    return endpoints.stream().map(Endpoint::policy).distinct().toList();
  }

  /** The generated class's binary name. */
  public String generatedBinaryName() {
    return packageName.isEmpty() ? generatedSimpleName : packageName + "." + generatedSimpleName;
  }
}
