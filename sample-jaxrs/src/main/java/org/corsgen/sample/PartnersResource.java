package org.corsgen.sample;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.corsgen.Cors;

/**
 * Origins decided at each request: who may read the partners' news is not known when the code is
 * compiled, nor at start-up; an administrator adds a partner's page while the API runs, and the
 * next request from it is allowed. The demo page plays the administrator; a real registry's
 * endpoints would also check who calls them, since CORS only decides what a browser lets a page
 * read, and any other client can send these requests.
 */
@Path("partners")
public class PartnersResource {

  /** Readable by the pages of the partners registered at the moment of the request. */
  @GET
  @Path("news")
  @Produces(MediaType.TEXT_PLAIN)
  @Cors(origins = "${" + PartnerOrigins.PROPERTY + "}")
  public String news() {
    return "News for partners";
  }

  /**
   * Registers partner {@code name}, whose page is {@code http://<name>.localhost:8081}. The
   * administrator names a partner, never an origin: a request's own {@code Origin} is whatever
   * its sender wrote, and a client other than a browser writes anything.
   */
  @PUT
  @Path("registry/{name}")
  @Produces(MediaType.TEXT_PLAIN)
  @Cors(origins = {SampleOrigins.PAGE, SampleOrigins.PAGE_BY_NAME})
  public Response add(@PathParam("name") String name) {
    return change(name, true);
  }

  /** Removes partner {@code name}: the next request from its page is refused. */
  @DELETE
  @Path("registry/{name}")
  @Produces(MediaType.TEXT_PLAIN)
  @Cors(origins = {SampleOrigins.PAGE, SampleOrigins.PAGE_BY_NAME})
  public Response remove(@PathParam("name") String name) {
    return change(name, false);
  }

  private static Response change(String name, boolean add) {
    String origin;
    try {
      origin = PartnerOrigins.originOf(name);
    } catch (IllegalArgumentException e) {
      return Response.status(Response.Status.BAD_REQUEST).entity(e.getMessage()).build();
    }
    if (add) {
      PartnerOrigins.add(name);
    } else {
      PartnerOrigins.remove(name);
    }
    return Response.ok(origin + (add ? " is a partner" : " is no longer a partner")).build();
  }
}
