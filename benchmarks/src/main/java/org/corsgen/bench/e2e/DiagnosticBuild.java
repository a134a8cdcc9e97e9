package org.corsgen.bench.e2e;

import static org.corsgen.bench.app.BenchPolicy.APP;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.corsgen.bench.app.ApiResource;
import org.corsgen.bench.app.NestedApiResource;
import org.corsgen.bench.app.OverlappingApiResource;
import org.corsgen.runtime.CorsFeature;
import org.corsgen.runtime.internal.CorsApplication;
import org.corsgen.runtime.internal.CorsModelProcessor;
import org.corsgen.runtime.internal.FilterBinder;
import org.corsgen.runtime.internal.PreflightFilter;
import org.corsgen.runtime.internal.UnhandledExceptionMapper;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Builds of the measured application that take one piece of corsgen away, or add only what a
 * CORS filter must add, to find where the end-to-end cost goes. {@link EndToEndPart} does not
 * measure them; start one by hand with {@code BenchServer <id>}.
 */
public enum DiagnosticBuild {
  /** No CORS; one global response filter that does nothing. */
  EMPTYFILTER,
  /** No CORS; the same empty filter, bound to each method through a {@link DynamicFeature}. */
  BOUNDEMPTY,
  /** No CORS; a global response filter that puts corsgen's four GET headers as constants. */
  STATICHEADERS,
  /** corsgen without its exception mapper. */
  CORSGEN_NOMAPPER,
  /** corsgen without its preflight endpoints and filter (GET only). */
  CORSGEN_NOPREFLIGHT,
  /** corsgen without its response filters: preflight endpoints and the mapper only. */
  CORSGEN_NORESPONSE,
  /** corsgen with {@link OverlappingApiResource}: preflights at {@code /overlapping/5}. */
  CORSGEN_OVERLAPPING,
  /** corsgen with {@link NestedApiResource}: preflights at {@code /nested/5}. */
  CORSGEN_NESTED;

  public String id() {
    return name().toLowerCase();
  }

  ResourceConfig application() {
    ResourceConfig config = new ResourceConfig(ApiResource.class);
    return switch (this) {
      case EMPTYFILTER -> config.register(EmptyFilter.class);
      case BOUNDEMPTY -> config.register(new BindToEveryMethod(new EmptyFilter()));
      case STATICHEADERS -> config.register(StaticHeadersFilter.class);
      case CORSGEN_NOMAPPER -> config.register(new CorsParts(true, true, false));
      case CORSGEN_NOPREFLIGHT -> config.register(new CorsParts(false, true, true));
      case CORSGEN_NORESPONSE -> config.register(new CorsParts(true, false, true));
      case CORSGEN_OVERLAPPING -> new ResourceConfig(OverlappingApiResource.class)
          .register(CorsFeature.class);
      case CORSGEN_NESTED -> new ResourceConfig(NestedApiResource.class)
          .register(CorsFeature.class);
    };
  }

  /** Does nothing: what Jersey's response-filter stage costs with one filter in it. */
  @Priority(Priorities.HEADER_DECORATOR)
  public static final class EmptyFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {}
  }

  /** Puts the headers corsgen answers an allowed GET with, without reading the request. */
  @Priority(Priorities.HEADER_DECORATOR)
  public static final class StaticHeadersFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      headers.putSingle("Vary", "Origin");
      headers.putSingle("Access-Control-Allow-Origin", APP);
      headers.putSingle("Access-Control-Allow-Credentials", "true");
      headers.putSingle("Access-Control-Expose-Headers", "X-Total-Count, X-Trace-Id");
    }
  }

  /** Registers one filter instance on every resource method, as corsgen binds its policies. */
  static final class BindToEveryMethod implements DynamicFeature {
    private final ContainerResponseFilter filter;

    BindToEveryMethod(ContainerResponseFilter filter) {
      this.filter = filter;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
      context.register(filter);
    }
  }

  /** Sets up corsgen's state for each start, as its model processor does, adding no endpoint. */
  static final class StateOnly implements ModelProcessor {
    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
      CorsApplication.start(configuration);
      return model;
    }

    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
      return model;
    }
  }

  /** {@link CorsFeature}'s registrations, each of the three parts optional. */
  static final class CorsParts implements Feature {
    private final boolean preflight;
    private final boolean responseFilters;
    private final boolean mapper;

    CorsParts(boolean preflight, boolean responseFilters, boolean mapper) {
      this.preflight = preflight;
      this.responseFilters = responseFilters;
      this.mapper = mapper;
    }

    @Override
    public boolean configure(FeatureContext context) {
      if (preflight) {
        context.register(new CorsModelProcessor());
        context.register(PreflightFilter.class);
      } else {
        // The other parts find their application's state, which the model processor sets up.
        context.register(new StateOnly());
      }
      if (responseFilters) {
        context.register(FilterBinder.class);
      }
      if (mapper) {
        context.register(UnhandledExceptionMapper.class);
      }
      return true;
    }
  }
}
