package org.corsgen.runtime.internal;

import jakarta.ws.rs.core.Configuration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One start of a Jersey application with corsgen: its index of policies, placeholders resolved
 * against the configuration of that start, and what the components that
 * {@link org.corsgen.runtime.CorsFeature} registered tell each other.
 *
 * <p>Looked up by the application's runtime configuration, which Jersey hands the model processor
 * and injects into the other components, rather than given to them when they are made: Jersey's
 * {@code Container.reload()} starts a new application from a copy of the running one's
 * configuration, what the feature registered included, and does not configure the feature again.
 * Each start has a runtime configuration of its own, so it gets a start of its own here, whether it
 * replaces the running application or runs beside it.
 */
public final class CorsApplication {

  /**
   * By runtime configuration, weakly, as applications come and go; by identity, since
   * ResourceConfig does not override equals (CommonConfig, which does, is not what is injected).
   */
  private static final Map<Configuration, CorsApplication> STARTS =
      Collections.synchronizedMap(new WeakHashMap<>());
  private static final int SAID_AT_MOST = 1000;

  private final CorsIndex index;
  private final DebugMode debug;
  /** How log lines name this application: {@code " of com.example.App"}, or empty. */
  private final String named;
  /** Set when the container shuts this start down or a reload replaces it. */
  private volatile boolean stopped;
  private final OtherOptionsMethods otherOptionsMethods = new OtherOptionsMethods();
  private final LocatorFailure locatorFailure;
  private final Set<String> said = ConcurrentHashMap.newKeySet();
  private final Set<String> errorsSaid = ConcurrentHashMap.newKeySet();

  private CorsApplication(Configuration configuration) {
    // The index reads a copy of the properties, not the configuration: it must not keep its key.
    ConfigurationLookup lookup = new ConfigurationLookup(configuration);
    this.index = new CorsIndex(lookup);
    this.debug = DebugMode.read(lookup);
    String name = CorsModelProcessor.applicationOf(configuration);
    this.named = name.isEmpty() ? "" : " of " + name;
    this.locatorFailure = new LocatorFailure(index);
  }

  /**
   * A start of the application whose runtime configuration is {@code configuration}. Public for
   * the benchmarks' diagnostic builds, which register corsgen's parts one by one.
   */
  public static CorsApplication start(Configuration configuration) {
    CorsApplication application = new CorsApplication(configuration);
    STARTS.put(configuration, application);
    return application;
  }

  /**
   * The start that {@code configuration}, an application's runtime configuration, is of, or
   * {@code null}.
   */
  public static CorsApplication find(Configuration configuration) {
    return STARTS.get(configuration);
  }

  /** The start that {@code configuration}, an application's runtime configuration, is of. */
  static CorsApplication of(Configuration configuration) {
    CorsApplication application = find(configuration);
    if (application == null) {
      throw new IllegalStateException("corsgen: this application's resource model has not been"
          + " processed; register org.corsgen.runtime.CorsFeature rather than corsgen's"
          + " components one by one");
    }
    return application;
  }

  /** A component's application, looked up once: Jersey creates the component for one start. */
  static final class Lookup {
    private volatile CorsApplication found;

    CorsApplication of(Configuration configuration) {
      CorsApplication application = found;
      if (application == null) {
        application = CorsApplication.of(configuration);
        found = application;
      }
      return application;
    }
  }

  CorsIndex index() {
    return index;
  }

  DebugMode debug() {
    return debug;
  }

  /**
   * Turns debug mode on or off from the next preflight on, with a warning; returns whether it
   * was on. For {@link org.corsgen.runtime.CorsFeature#setDebug}.
   */
  public boolean setDebug(boolean on) {
    return debug.set(on, named);
  }

  /** Whether debug mode is on now. */
  public boolean debugOn() {
    return debug.on();
  }

  /** Whether the container has shut this start down, or replaced it in a reload. */
  public boolean stopped() {
    return stopped;
  }

  void stop() {
    stopped = true;
  }

  OtherOptionsMethods otherOptionsMethods() {
    return otherOptionsMethods;
  }

  LocatorFailure locatorFailure() {
    return locatorFailure;
  }

  /**
   * Whether {@code message}, one that is said once per start, is to be logged now: the first time,
   * while fewer than {@value #SAID_AT_MOST} have been. A locator may build a new {@code Resource}
   * at every request, and what it is modelled as must not grow the set without end.
   */
  boolean sayOnce(String message) {
    return said.size() < SAID_AT_MOST && said.add(message);
  }

  /**
   * Whether {@code message}, an error said once per start, is to be logged now: the first time,
   * however many others were said. One per policy that cannot be used, so bounded by the
   * application's policies, and never crowded out by {@link #sayOnce}'s messages.
   */
  boolean sayErrorOnce(String message) {
    return errorsSaid.add(message);
  }
}
