package org.corsgen.it;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Jersey serves public static resource methods like any other; so must their policies. */
@Path("/static-methods")
@Cors(origins = "https://app.example.com")
public class StaticMethodsResource {

  @GET
  public static String get() {
    return "static";
  }

  @DELETE
  @Cors(origins = "https://admin.example.com")
  public static void delete() {}
}
