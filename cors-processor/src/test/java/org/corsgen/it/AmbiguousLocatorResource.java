package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * Its locator returns a class whose model Jersey finds fatally wrong (two locators at one path),
 * which Jersey says only at the first request through the locator.
 */
@Path("/ambiguous")
@Cors(origins = "https://app.example.com")
public class AmbiguousLocatorResource {

  @GET
  public String get() {
    return "ambiguous";
  }

  @Path("broken")
  public Broken broken() {
    return new Broken();
  }

  /** Two locators at one path. */
  public static class Broken {
    @GET
    public String get() {
      return "broken";
    }

    @Path("x")
    public Broken first() {
      return this;
    }

    @Path("x")
    public Broken second() {
      return this;
    }
  }
}
