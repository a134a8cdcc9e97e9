package org.corsgen.sample.browser;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.corsgen.Cors;

/** Writes that need a preflight; DELETE is served but left out of the policy's methods. */
@Path("documents/{id}")
@Cors(origins = TestOrigins.PAGE, methods = {"GET", "PUT"}, allowHeaders = "Content-Type")
public class DocumentsResource {

  @GET
  public String get(@PathParam("id") String id) {
    return "document " + id;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public String put(@PathParam("id") String id, String document) {
    return "stored " + document;
  }

  @DELETE
  public void delete(@PathParam("id") String id) {}
}
