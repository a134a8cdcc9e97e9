package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

/**
 * A locator whose class inherits a generic locator, {@code T sub()}: Jersey resolves {@code T}
 * against the class and models {@link Leaf}, whose origins placeholder nothing sets.
 */
@Path("/generic")
public class GenericLocatorResource {

  @Path("mid")
  public Mid mid() {
    return new Mid();
  }

  /** Returns what it holds, as the type its subclass names. */
  public static class Locating<T> {
    private final T held;

    Locating(T held) {
      this.held = held;
    }

    @Path("sub")
    public T sub() {
      return held;
    }
  }

  /** A sub-resource without a policy, whose inherited locator returns a {@link Leaf}. */
  public static class Mid extends Locating<Leaf> {
    Mid() {
      super(new Leaf());
    }

    @GET
    public String get() {
      return "mid";
    }
  }

  /** A sub-resource whose policy cannot be resolved. */
  @Cors(origins = "${corsgen.it.generic-origins}")
  public static class Leaf {
    @GET
    public String get() {
      return "leaf";
    }
  }
}
