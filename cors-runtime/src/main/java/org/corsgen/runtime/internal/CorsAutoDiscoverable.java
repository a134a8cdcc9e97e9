package org.corsgen.runtime.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers {@link CorsFeature} in every Jersey server application that has cors-runtime on its
 * class path, unless the application registered it itself or turned auto-discovery off. Jersey
 * clients, which load auto-discoverables too, are left alone.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class CorsAutoDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(CorsFeature.class)) {
      context.register(CorsFeature.class);
    }
  }
}
