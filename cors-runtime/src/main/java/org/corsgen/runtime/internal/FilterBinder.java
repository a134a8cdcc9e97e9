package org.corsgen.runtime.internal;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.corsgen.runtime.spi.CorsPolicy;

/**
 * Puts each resource method's generated {@link CorsPolicy} on that method alone, once at start-up
 * (for a sub-resource returned by a locator, when Jersey first builds it); no request ever looks
 * a policy up. Also puts {@link PreflightFilter}, {@link PreflightAnswerGuard} and
 * {@link OtherOptionsVary} on the {@link OtherOptionsMethods}.
 */
public final class FilterBinder implements DynamicFeature {

  private static final Logger LOG = System.getLogger("org.corsgen");

  /** The application's runtime configuration (each method's own context has another). */
  @Context
  private Configuration configuration;
  private final CorsApplication.Lookup applicationLookup = new CorsApplication.Lookup();

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    if (resource.getResourceClass() == null || resource.getResourceMethod() == null) {
      return;
    }
    CorsApplication application = applicationLookup.of(configuration);
    if (application.otherOptionsMethods().contains(resource.getResourceClass())) {
      context.register(PreflightFilter.class);
      context.register(PreflightAnswerGuard.class);
      context.register(OtherOptionsVary.class);
    }
    Optional<CorsPolicy> policy;
    try {
      policy = application.index()
          .policyFor(resource.getResourceClass(), resource.getResourceMethod());
    } catch (IllegalStateException e) {
      // A policy that cannot be used (an origins placeholder without a valid value, a generated
      // class that will not load). For the application's resources CorsModelProcessor has already
      // failed the start-up with this error. This one is a sub-resource Jersey builds while
      // serving a request, from a locator: thrown, it would be a 500 on every request there, so
      // it is served without CORS, which browsers refuse, and said once.
      if (application.sayErrorOnce(e.getMessage())) {
        LOG.log(Level.ERROR, "corsgen: methods of " + resource.getResourceClass().getName()
            + " reached through a sub-resource locator with this policy are served without CORS,"
            + " preflights included: " + e.getMessage());
      }
      return;
    }
    policy.ifPresent(context::register);
  }
}
