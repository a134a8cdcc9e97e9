package org.corsgen.runtime.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handler classes of OPTIONS methods that another model processor added at a path where
 * corsgen answers preflights: Jersey's WADL support adds one producing
 * {@code application/vnd.sun.wadl+xml}, which Jersey prefers to corsgen's endpoint for the
 * {@code Accept: *}{@code /*} every preflight carries (Fetch, "CORS-preflight fetch"), so a
 * preflight there never reached corsgen. {@link CorsModelProcessor} records them,
 * {@link FilterBinder} puts {@link PreflightFilter} and {@link OtherOptionsVary} on them as well.
 */
final class OtherOptionsMethods {

  private final Set<Class<?>> handlers = ConcurrentHashMap.newKeySet();

  void add(Class<?> handler) {
    handlers.add(handler);
  }

  boolean contains(Class<?> handler) {
    return handlers.contains(handler);
  }
}
