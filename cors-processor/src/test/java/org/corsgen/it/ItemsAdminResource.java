package org.corsgen.it;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** A second class on the same path as {@link ItemsResource}: Jersey merges them. */
@Path("items")
@Cors(origins = "https://admin.example.com", methods = "POST")
public class ItemsAdminResource {

  @POST
  public String create(String body) {
    return "created";
  }
}
