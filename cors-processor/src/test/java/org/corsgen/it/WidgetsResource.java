package org.corsgen.it;

import jakarta.ws.rs.Path;
import org.corsgen.Cors;

@Path("/widgets")
@Cors(origins = "https://app.example.com")
public class WidgetsResource implements WidgetsApi {

  @Override
  public String get(String name) {
    return "widget " + name;
  }

  @Override
  public String put(String name, String body) {
    return "put " + name;
  }
}
