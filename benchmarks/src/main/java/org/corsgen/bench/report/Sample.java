package org.corsgen.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one quantity: median and full range. */
public final class Sample {

  private final List<Double> values = new ArrayList<>();

  public Sample add(double value) {
    values.add(value);
    return this;
  }

  public int size() {
    return values.size();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public double median() {
    List<Double> sorted = sorted();
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public double min() {
    return values.isEmpty() ? Double.NaN : Collections.min(values);
  }

  public double max() {
    return values.isEmpty() ? Double.NaN : Collections.max(values);
  }

  private List<Double> sorted() {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }

  /** Every value less {@code amount}: a contender's own time, its harness's floor taken off. */
  public Sample minus(double amount) {
    Sample less = new Sample();
    values.forEach(value -> less.add(value - amount));
    return less;
  }

  /** {@code median (min–max)} with the given number format, e.g. {@code "%.1f"}. */
  public String describe(String format) {
    if (values.isEmpty()) {
      return "n/a";
    }
    return fmt(format, median()) + " (" + fmt(format, min()) + "–" + fmt(format, max()) + ")";
  }

  static String fmt(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }

  /**
   * The ratio {@code numerator / denominator} of medians, with the widest range the two spreads
   * allow: {@code min(numerator) / max(denominator)} to {@code max(numerator) / min(denominator)}.
   */
  public static String ratio(Sample numerator, Sample denominator) {
    if (numerator.isEmpty() || denominator.isEmpty()) {
      return "n/a";
    }
    return fmt("%.2f", numerator.median() / denominator.median()) + "× ("
        + fmt("%.2f", numerator.min() / denominator.max()) + "–"
        + fmt("%.2f", numerator.max() / denominator.min()) + ")";
  }
}
