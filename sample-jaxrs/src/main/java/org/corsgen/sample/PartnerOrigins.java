package org.corsgen.sample;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The origins of the partners' pages, which change while the API runs: {@link SampleApp} hands
 * {@link #CHECK} to corsgen as the value of property {@value #PROPERTY}, and corsgen asks it at
 * each CORS request to {@link PartnersResource#news} that no written origin grants.
 */
final class PartnerOrigins {

  /** The placeholder key of {@link PartnersResource#news}'s {@code origins}. */
  static final String PROPERTY = "sample.partners";

  private static final Set<String> ORIGINS = ConcurrentHashMap.newKeySet();

  /** Named for corsgen's start-up log, which shows it by {@code toString()}. */
  static final Predicate<String> CHECK = new Predicate<>() {
    @Override
    public boolean test(String origin) {
      return ORIGINS.contains(origin);
    }

    @Override
    public String toString() {
      return "the sample's partner registry";
    }
  };

  private PartnerOrigins() {}

  /**
   * The origin of partner {@code name}'s page, {@code http://<name>.localhost:8081}: one label
   * of letters, digits and hyphens, which the browser resolves to the page server.
   */
  static String originOf(String name) {
    if (!name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
      throw new IllegalArgumentException("not a partner name: " + name);
    }
    return "http://" + name + ".localhost:" + SampleOrigins.PAGE_PORT;
  }

  static void add(String name) {
    ORIGINS.add(originOf(name));
  }

  static void remove(String name) {
    ORIGINS.remove(originOf(name));
  }
}
