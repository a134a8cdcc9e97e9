package org.corsgen.sample.browser;

import jakarta.ws.rs.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.corsgen.Cors;

/** A method through the application's own designator. */
@Path("counter")
@Cors(origins = TestOrigins.PAGE)
public class CounterResource {

  private static final AtomicInteger PURGES = new AtomicInteger();

  @PURGE
  public String purge() {
    return "purged " + PURGES.incrementAndGet();
  }
}
