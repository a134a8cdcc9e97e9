package org.corsgen.runtime.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers {@link CorsFeature} in every Jersey application that has cors-runtime on its class
 * path, unless the application registered it itself or turned auto-discovery off.
 */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class CorsAutoDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(CorsFeature.class)) {
      context.register(CorsFeature.class);
    }
  }
}
