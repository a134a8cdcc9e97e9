package org.corsgen.bench.app;

import static org.corsgen.bench.app.BenchPolicy.ADMIN;
import static org.corsgen.bench.app.BenchPolicy.APP;
import static org.corsgen.bench.app.BenchPolicy.AUTHORIZATION;
import static org.corsgen.bench.app.BenchPolicy.CONTENT_TYPE;
import static org.corsgen.bench.app.BenchPolicy.MAX_AGE;
import static org.corsgen.bench.app.BenchPolicy.REQUEST_ID;
import static org.corsgen.bench.app.BenchPolicy.SUBDOMAINS;
import static org.corsgen.bench.app.BenchPolicy.TOKEN;
import static org.corsgen.bench.app.BenchPolicy.TOTAL_COUNT;
import static org.corsgen.bench.app.BenchPolicy.TRACE_ID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.corsgen.Cors;

/** {@link OverlappingApiResource}'s methods under one template: the same depth, no overlap. */
@Path("/nested")
@Cors(
    origins = {APP, ADMIN, SUBDOMAINS},
    methods = {BenchPolicy.GET, BenchPolicy.PUT},
    allowHeaders = {CONTENT_TYPE, REQUEST_ID, TOKEN, AUTHORIZATION},
    exposeHeaders = {TOTAL_COUNT, TRACE_ID},
    allowCredentials = true,
    maxAge = MAX_AGE)
@Produces(MediaType.TEXT_PLAIN)
@Consumes(MediaType.TEXT_PLAIN)
public class NestedApiResource {

  @GET
  @Path("{id}")
  public String get() {
    return "hello";
  }

  @PUT
  @Path("{id}")
  public String put(String body) {
    return body;
  }
}
