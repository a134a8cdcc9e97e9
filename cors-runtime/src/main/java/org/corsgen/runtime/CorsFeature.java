package org.corsgen.runtime;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.corsgen.runtime.internal.CorsIndex;
import org.corsgen.runtime.internal.CorsModelProcessor;
import org.corsgen.runtime.internal.FilterBinder;
import org.corsgen.runtime.internal.LocatorFailure;
import org.corsgen.runtime.internal.NoMethodChosenFilter;
import org.corsgen.runtime.internal.OtherOptionsMethods;
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

  @Override
  public boolean configure(FeatureContext context) {
    if (context.getConfiguration().isRegistered(CorsModelProcessor.class)) {
      return false;
    }
    CorsIndex index = CorsIndex.forApplication(context.getConfiguration());
    OtherOptionsMethods otherOptionsMethods = new OtherOptionsMethods();
    context.register(new CorsModelProcessor(index, otherOptionsMethods));
    context.register(new FilterBinder(index, otherOptionsMethods));
    context.register(PreflightFilter.class);
    context.register(PreflightAnswerGuard.class);
    LocatorFailure locatorFailure = new LocatorFailure(index);
    context.register(new UnhandledExceptionMapper(index, locatorFailure));
    context.register(new NoMethodChosenFilter(index, locatorFailure));
    return true;
  }
}
