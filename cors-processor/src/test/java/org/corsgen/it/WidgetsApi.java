package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/** JAX-RS annotations declared on an interface, as generated API stubs do. */
public interface WidgetsApi {

  @GET
  @Path("{name}")
  String get(@PathParam("name") String name);

  @PUT
  @Path("{name}")
  @Cors(origins = "https://admin.example.com")
  String put(@PathParam("name") String name, String body);
}
