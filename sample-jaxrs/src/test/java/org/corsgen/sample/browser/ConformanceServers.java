package org.corsgen.sample.browser;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import org.corsgen.runtime.CorsFeature;
import org.corsgen.sample.PageServer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The API under test on {@link TestOrigins#API} and a blank page for the scenarios to run in on
 * {@link TestOrigins#PAGE_PORT}, both on the fixed ports that the test policies name. WADL is on,
 * as Jersey has it whenever JAXB is present: every path also has WADL's OPTIONS method, which
 * Jersey chooses for the browser's preflights.
 */
final class ConformanceServers implements AutoCloseable {

  private final RequestLog log = new RequestLog();
  private final HttpServer api;
  private final PageServer pages;

  ConformanceServers() throws IOException {
    ResourceConfig application = new ResourceConfig(
            SimpleResource.class,
            DocumentsResource.class,
            TotalsResource.class,
            PreflightCacheResource.class,
            SessionResource.class,
            TenantResource.class,
            DevServerResource.class,
            OverrideResource.class,
            FailingResource.class,
            VaultResource.class,
            CounterResource.class,
            ItemsResource.class,
            MixedPoliciesResource.class, WildcardBesideListResource.class,
            UnguardedPostResource.class,
            OverlappingResource.class,
            LibraryResource.class,
            ShelfResource.class,
            LegacyResource.class,
            LegacyCachedResource.class,
            TickerResource.class,
            AnyHeaderResource.class,
            LegacyCorsFilter.class,
            QuotaExceededException.Mapper.class,
            RequireAuthorizationFilter.class,
            CorsFeature.class)
        .register(log);
    api = GrizzlyHttpServerFactory.createHttpServer(
        URI.create(TestOrigins.API + "/"), application, false);
    try {
      api.start();
      pages = PageServer.start(
          "127.0.0.1", TestOrigins.PAGE_PORT, "/org/corsgen/sample/browser/pages/");
    } catch (BindException e) {
      api.shutdownNow();
      throw new IllegalStateException("The browser suite needs ports " + TestOrigins.API_PORT
          + " and " + TestOrigins.PAGE_PORT + " free, because its @Cors policies name those"
          + " origins at compile time; one of them is taken: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      api.shutdownNow();
      throw e;
    }
  }

  RequestLog log() {
    return log;
  }

  @Override
  public void close() {
    pages.close();
    api.shutdownNow();
  }
}
