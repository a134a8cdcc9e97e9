package org.corsgen.runtime.internal;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Puts each resource method's generated {@link org.corsgen.runtime.spi.CorsPolicy} on that method
 * alone, once at start-up; no request ever looks a policy up.
 */
public final class ResponseFilterBinder implements DynamicFeature {

  private final CorsIndex index;

  public ResponseFilterBinder(CorsIndex index) {
    this.index = index;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    if (resource.getResourceClass() != null && resource.getResourceMethod() != null) {
      index.policyFor(resource.getResourceClass(), resource.getResourceMethod())
          .ifPresent(context::register);
    }
  }
}
