package org.corsgen.processor.model;

import java.util.List;

/**
 * A root resource class with at least one CORS endpoint: what the writer turns into a generated
 * class.
 *
 * @param binaryName the resource class's binary name, as the run-time index knows it
 * @param packageName its package
 * @param generatedSimpleName the name of its generated bindings class, nested in its package's
 *     holder: nested names joined with {@code _}, then {@code _Cors}
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

  /**
   * Its bindings class's name qualified by the package alone, which must be unique in the package
   * since the resources of a package share one holder.
   */
  public String generatedBinaryName() {
    return packageName.isEmpty() ? generatedSimpleName : packageName + "." + generatedSimpleName;
  }
}
