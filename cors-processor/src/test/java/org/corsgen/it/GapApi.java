package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/** An API interface whose policy reaches its implementation through a class that is silent. */
@Path("/gap")
public interface GapApi {

  @GET
  @Cors(origins = "https://app.example.com")
  String list();

  @GET
  @Path("{id}")
  @Cors(origins = "https://admin.example.com")
  String get(@PathParam("id") String id);
}
