package org.corsgen.it;

import org.corsgen.Cors;

/** The policy on the implementation of a generated API interface, which cannot be edited. */
@Cors(origins = "https://admin.example.com")
public class PartsResource implements PartsApi {

  @Override
  public String get() {
    return "parts";
  }
}
