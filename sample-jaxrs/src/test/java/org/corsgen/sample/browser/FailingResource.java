package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/** A resource method that throws an exception the application maps to a 4xx answer. */
@Path("failing")
@Cors(origins = TestOrigins.PAGE)
public class FailingResource {

  @GET
  public String get() {
    throw new QuotaExceededException();
  }
}
