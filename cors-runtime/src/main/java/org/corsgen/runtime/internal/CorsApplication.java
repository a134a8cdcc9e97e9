package org.corsgen.runtime.internal;

import jakarta.ws.rs.core.Configuration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link org.corsgen.runtime.CorsFeature} wires into a Jersey application, for the components
 * it registers there: the application's index of policies, with its placeholders resolved against
 * the configuration of the running start, and what the components tell each other.
 *
 * <p>A configuration property, set up anew by the model processor at each start, rather than
 * constructor arguments: Jersey's {@code Container.reload()} starts the new application from a
 * copy of the running one's configuration, what the feature registered and this property included,
 * and does not configure the feature again, so the start must read the index again. Until the old
 * application stops, its error answers use the new index too.
 */
public final class CorsApplication {

  /** The property that holds the application's instance. */
  public static final String PROPERTY = CorsApplication.class.getName();

  private volatile Started started;

  /** What one start of the application reads and gathers. */
  private record Started(CorsIndex index, OtherOptionsMethods otherOptionsMethods,
      LocatorFailure locatorFailure, Set<String> said) {}

  /** The instance of the application that {@code configuration} is of. */
  static CorsApplication of(Configuration configuration) {
    if (configuration.getProperty(PROPERTY) instanceof CorsApplication application) {
      return application;
    }
    throw new IllegalStateException("corsgen: no " + PROPERTY + " in this application's"
        + " configuration; register org.corsgen.runtime.CorsFeature rather than corsgen's"
        + " components one by one");
  }

  /**
   * Reads the index anew for a start, against its {@code configuration}: Jersey hands the model
   * processor the application's model once per start, a reload's included.
   */
  void start(Configuration configuration) {
    CorsIndex index = CorsIndex.forApplication(configuration);
    started = new Started(index, new OtherOptionsMethods(), new LocatorFailure(index),
        ConcurrentHashMap.newKeySet());
  }

  private Started started() {
    Started current = started;
    if (current == null) {
      throw new IllegalStateException("corsgen: the application's resource model has not been"
          + " processed yet");
    }
    return current;
  }

  CorsIndex index() {
    return started().index();
  }

  OtherOptionsMethods otherOptionsMethods() {
    return started().otherOptionsMethods();
  }

  LocatorFailure locatorFailure() {
    return started().locatorFailure();
  }

  /** What the components have logged that is said once per start. */
  Set<String> said() {
    return started().said();
  }
}
