package org.corsgen.it;

/** Served at {@link GadgetsApi}'s path, with its policy. */
public class GadgetsResource implements GadgetsApi {

  @Override
  public String list() {
    return "gadgets";
  }

  @Override
  public String put(String id, String body) {
    return "put " + id;
  }
}
