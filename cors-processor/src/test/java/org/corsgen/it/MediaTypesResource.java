package org.corsgen.it;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.NotAcceptableException;
import org.corsgen.Cors;

/** Methods that Jersey rules out by media type before choosing one: 415 and 406 answers. */
@Path("/media")
@Cors(origins = "https://app.example.com", allowHeaders = "Content-Type")
public class MediaTypesResource {

  @GET
  @Produces("application/json")
  public String get() {
    return "{}";
  }

  @POST
  @Consumes("application/json")
  public String post(String body) {
    return "{}";
  }

  @PUT
  @Path("admin")
  @Consumes("application/json")
  @Cors(origins = "https://admin.example.com", allowHeaders = "Content-Type",
      allowCredentials = true)
  public String put(String body) {
    return "{}";
  }

  /** An application's own answer to Jersey's 406, as a JSON error body. */
  public static class NotAcceptableMapper implements ExceptionMapper<NotAcceptableException> {
    @Override
    public Response toResponse(NotAcceptableException exception) {
      return Response.status(406).entity("{\"error\":\"not acceptable\"}").build();
    }
  }
}
