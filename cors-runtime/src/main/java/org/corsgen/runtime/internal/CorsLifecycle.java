package org.corsgen.runtime.internal;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.spi.AbstractContainerLifecycleListener;
import org.glassfish.jersey.server.spi.Container;

/**
 * Tells a start that it has stopped, on shutdown or when a reload replaces it, so that
 * {@link org.corsgen.runtime.CorsFeature#setDebug} given a configuration injected before can say
 * that it switches nothing that runs, instead of switching a start that no longer serves.
 */
public final class CorsLifecycle extends AbstractContainerLifecycleListener {

  /** The application's runtime configuration, as the other components get it. */
  @Context
  private Configuration configuration;

  @Override
  public void onShutdown(Container container) {
    CorsApplication application = CorsApplication.find(configuration);
    if (application != null) {
      application.stop();
    }
  }
}
