package org.corsgen.it;

/**
 * Implements {@link GapApi} through {@link GapBase}, which declares none of its methods: Jersey
 * finds the interface's annotations from here all the same, and so does corsgen.
 */
public class GapResource extends GapBase {

  @Override
  public String list() {
    return "gap list";
  }

  @Override
  public String get(String id) {
    return "gap " + id;
  }
}
