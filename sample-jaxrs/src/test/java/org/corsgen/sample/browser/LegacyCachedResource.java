package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/**
 * An answer the browser keeps and revalidates (an entity tag, no-cache), under a path where
 * {@link LegacyCorsFilter} grants every origin: a cached answer must not carry that grant.
 */
@Path("legacy-cached")
@Cors(origins = TestOrigins.PAGE)
public class LegacyCachedResource {

  private static final EntityTag TAG = new EntityTag("v1");
  private static final CacheControl REVALIDATE = CacheControl.valueOf("private, no-cache");

  @GET
  public Response get(@Context Request request) {
    Response.ResponseBuilder notModified = request.evaluatePreconditions(TAG);
    return (notModified != null ? notModified : Response.ok("cached answer").tag(TAG))
        .cacheControl(REVALIDATE)
        .build();
  }
}
