package org.corsgen.bench.report;

/** One target of the issue and whether this run met it. */
public record Target(String part, String goal, String measured, boolean met) {

  public String line() {
    return "| " + part + " | " + goal + " | " + measured + " | " + (met ? "met" : "**missed**")
        + " |";
  }
}
