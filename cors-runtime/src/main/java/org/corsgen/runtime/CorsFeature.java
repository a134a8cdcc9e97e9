package org.corsgen.runtime;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.corsgen.runtime.internal.CorsApplication;
import org.corsgen.runtime.internal.CorsLifecycle;
import org.corsgen.runtime.internal.CorsModelProcessor;
import org.corsgen.runtime.internal.FilterBinder;
import org.corsgen.runtime.internal.NoMethodChosenFilter;
import org.corsgen.runtime.internal.PreflightAnswerGuard;
import org.corsgen.runtime.internal.PreflightFilter;
import org.corsgen.runtime.internal.UnhandledExceptionMapper;

/**
 * Wires the CORS code that cors-processor generated into a Jersey application:
 * {@code new ResourceConfig(ItemsResource.class).register(CorsFeature.class)}.
 *
 * <p>Jersey also registers it by itself through auto-discovery; registering it explicitly as well
 * changes nothing. Only resources the application serves get preflight endpoints and filters.
 */
public final class CorsFeature implements Feature {

  /**
   * Debug mode's switch, {@code true} or {@code false} (the default), read at start-up as an
   * {@code origins} placeholder is: the JAX-RS property, then the system property, then the
   * environment variable {@code CORSGEN_DEBUG}. With it on, a preflight refused for its method or
   * a header, from an origin that a policy at its URL allows, is answered {@code 204} with that
   * policy's grants instead of {@code 403} with none, so that the browser's console names the
   * method or header at fault; the {@code 403} stays wherever the laxest reading known of such an
   * answer (Fetch's, with the deviations of shipped browsers) would let the request through.
   * Refusals are then logged at {@code INFO}, at most 60 in each 60-second window. For
   * development; see README, "Debug mode".
   * {@link #setDebug} switches it while the application runs.
   */
  public static final String DEBUG = "corsgen.debug";

  /**
   * Turns debug mode ({@link #DEBUG}) on or off in one running application, the one
   * {@code configuration} is of, from its next preflight on: from an administrator's endpoint,
   * say, so that a refused preflight can be looked into without a restart. Logged as a warning.
   * A reload of the container starts again from {@link #DEBUG}, and a configuration injected
   * before it is refused, as is one of an application that has been shut down. Guard the
   * endpoint as any administrator's, and do not make it a {@code GET}, which any page could send
   * through a link.
   *
   * @param configuration the application's configuration as Jersey injects it into a resource
   *     or provider ({@code @Context Configuration}); not the {@code ResourceConfig} it was
   *     started with, which Jersey copies
   * @return whether debug mode was on
   * @throws IllegalArgumentException when {@code configuration} is not that of a running
   *     application with corsgen
   */
  public static boolean setDebug(Configuration configuration, boolean on) {
    return running(configuration).setDebug(on);
  }

  /**
   * Whether debug mode ({@link #DEBUG}) is on in the running application {@code configuration}
   * is of, as {@link #setDebug} takes it.
   *
   * @throws IllegalArgumentException as {@link #setDebug} does
   */
  public static boolean isDebug(Configuration configuration) {
    return running(configuration).debugOn();
  }

  private static CorsApplication running(Configuration configuration) {
    CorsApplication application = CorsApplication.find(configuration);
    if (application == null) {
      throw new IllegalArgumentException("corsgen: " + configuration + " is not the runtime"
          + " configuration of a running application with corsgen; pass the Configuration that"
          + " Jersey injects (@Context Configuration), not the ResourceConfig the application"
          + " was started with");
    }
    if (application.stopped()) {
      throw new IllegalArgumentException("corsgen: the application this configuration is of has"
          + " been shut down, or a reload has replaced it, so switching its debug mode would"
          + " change nothing that will run; pass the Configuration injected into the running"
          + " application");
    }
    return application;
  }

  @Override
  public boolean configure(FeatureContext context) {
    if (context.getConfiguration().isRegistered(CorsModelProcessor.class)) {
      // Wired already: registered twice (explicitly and by auto-discovery), or a configuration
      // copied from a running application, which carries the model processor; each start still
      // gets a state of its own (CorsApplication).
      return false;
    }
    // An instance, which Jersey runs after its WADL model processor, whose OPTIONS methods
    // corsgen must see; registered as a class, it ran before. It sets up each start's state, which
    // the other components find through their application's configuration (CorsApplication).
    context.register(new CorsModelProcessor());
    context.register(FilterBinder.class);
    context.register(PreflightFilter.class);
    context.register(PreflightAnswerGuard.class);
    context.register(UnhandledExceptionMapper.class);
    context.register(NoMethodChosenFilter.class);
    context.register(CorsLifecycle.class);
    return true;
  }
}
