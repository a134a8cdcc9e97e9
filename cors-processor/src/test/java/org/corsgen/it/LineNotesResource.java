package org.corsgen.it;

import jakarta.ws.rs.POST;
import org.corsgen.Cors;

/** A sub-resource of a sub-resource: {@link OrderLinesResource}'s locator returns it. */
public class LineNotesResource {

  @POST
  @Cors(origins = "https://app.example.com", allowHeaders = "Content-Type")
  public String add(String note) {
    return "noted " + note;
  }
}
