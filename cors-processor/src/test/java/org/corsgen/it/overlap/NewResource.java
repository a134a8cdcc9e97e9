package org.corsgen.it.overlap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** Takes GET at {@code /numbered/new} from {@link NumberedResource}, which keeps DELETE there. */
@Path("/numbered/new")
@Cors(origins = "https://admin.example.com")
public class NewResource {

  @GET
  public String get() {
    return "new";
  }
}
