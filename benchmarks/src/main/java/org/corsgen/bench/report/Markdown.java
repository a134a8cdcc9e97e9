package org.corsgen.bench.report;

import java.util.List;

/** A Markdown table, row by row. */
public final class Markdown {

  private final StringBuilder text = new StringBuilder();

  public Markdown(String... header) {
    row(header);
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < header.length; i++) {
      rule.append(i == 0 ? " --- |" : " ---: |");
    }
    text.append(rule).append('\n');
  }

  public Markdown row(String... cells) {
    text.append("| ").append(String.join(" | ", List.of(cells))).append(" |\n");
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
