package org.corsgen.it;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A resource method declared on a generic superclass, inherited without override. */
public abstract class GenericBase<T> {

  @POST
  @Path("generic")
  public String generic(T body) {
    return "generic " + body;
  }
}
