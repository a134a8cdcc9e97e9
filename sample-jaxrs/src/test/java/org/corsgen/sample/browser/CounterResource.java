package org.corsgen.sample.browser;

import jakarta.ws.rs.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.corsgen.Cors;
import org.corsgen.sample.PATCH;

/** PATCH through the application's own designator. */
@Path("counter")
@Cors(origins = TestOrigins.PAGE)
public class CounterResource {

  private static final AtomicInteger COUNT = new AtomicInteger();

  @PATCH
  public String increment() {
    return "count " + COUNT.incrementAndGet();
  }
}
