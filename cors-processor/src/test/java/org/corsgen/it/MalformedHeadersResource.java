package org.corsgen.it;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/**
 * Request headers that Jersey parses, for the method chosen (If-None-Match, Accept-Language) or
 * to choose it (Content-Type, Accept): a malformed value is Jersey's 400.
 */
@Path("/malformed")
@Cors(origins = "https://app.example.com", allowHeaders = {"Content-Type", "If-None-Match"})
public class MalformedHeadersResource {

  @GET
  @Path("tagged")
  public Response tagged(@Context Request request) {
    EntityTag tag = new EntityTag("v1");
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    return notModified != null ? notModified.build() : Response.ok("body").tag(tag).build();
  }

  @GET
  @Path("languages")
  public String languages(@Context HttpHeaders headers) {
    return String.valueOf(headers.getAcceptableLanguages());
  }

  @PUT
  @Path("json")
  @Consumes("application/json")
  public String put(String body) {
    return "{}";
  }
}
