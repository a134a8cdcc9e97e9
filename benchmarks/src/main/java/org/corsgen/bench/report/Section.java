package org.corsgen.bench.report;

import java.util.List;

/** The Markdown of one part of the results, and the targets it checked. */
public record Section(String markdown, List<Target> targets) {}
