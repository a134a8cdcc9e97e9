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
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.corsgen.bench.reflective.ReflectiveCors;

/**
 * {@link ApiResource} as most projects write it for a hand-written CORS filter: the policy in a
 * run-time annotation, and an explicit {@code @OPTIONS} method so that the filter finds the
 * resource (and its annotation) on preflights, which Jersey's automatic OPTIONS answer hides.
 * It never shares an application with {@link ApiResource}: each benchmark build serves one.
 */
@SuppressWarnings("CorsOptionsElsewhere")
@Path("/api")
@ReflectiveCors(
    origins = {APP, ADMIN, SUBDOMAINS},
    methods = {BenchPolicy.GET, BenchPolicy.POST, BenchPolicy.PUT},
    allowHeaders = {CONTENT_TYPE, REQUEST_ID, TOKEN, AUTHORIZATION},
    exposeHeaders = {TOTAL_COUNT, TRACE_ID},
    allowCredentials = true,
    maxAge = MAX_AGE)
@Produces(MediaType.TEXT_PLAIN)
@Consumes(MediaType.TEXT_PLAIN)
public class ReflectiveApiResource {

  @GET
  public String get() {
    return "hello";
  }

  @POST
  public String post(String body) {
    return body;
  }

  @PUT
  public String put(String body) {
    return body;
  }

  @OPTIONS
  public Response options() {
    return Response.ok().allow("GET", "HEAD", "POST", "PUT", "OPTIONS").build();
  }
}
