package org.corsgen.processor.model;

import java.util.List;
import org.corsgen.runtime.spi.CorsBindings;

/**
 * A resource class with at least one CORS endpoint: what the writer turns into generated code.
 *
 * @param binaryName the resource class's binary name, as the run-time index knows it
 * @param packageName its package
 * @param nestedName its simple name after those of the classes it is nested in, joined with
 *     {@code _}: what its generated code is named after
 * @param endpoints its endpoints, in source order
 * @param subResource whether it is a class without {@code @Path} that Jersey serves only where a
 *     sub-resource locator returns it; its endpoints' paths then begin with {@link #LOCATOR}
 */
public record CorsResource(String binaryName, String packageName, String nestedName,
    List<Endpoint> endpoints, boolean subResource) {

  /** What stands for the path of whichever locator returns a sub-resource, in its endpoints. */
  public static final String LOCATOR = CorsBindings.LOCATOR_PATH;

  public CorsResource {
    endpoints = List.copyOf(endpoints);
  }

  /** The distinct policies of the endpoints, in first-use order. */
  public List<Policy> policies() {
    return endpoints.stream().map(Endpoint::policy).distinct().toList();
  }

  /**
   * Its nested name qualified by the package, which must be unique: the generated code of a
   * package is named after its resources' nested names.
   */
  public String qualifiedNestedName() {
    return packageName.isEmpty() ? nestedName : packageName + "." + nestedName;
  }
}
