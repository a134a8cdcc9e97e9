package org.corsgen.runtime.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.corsgen.runtime.spi.CorsHeaders;
import org.corsgen.runtime.spi.CorsPolicy;
import org.corsgen.runtime.spi.OriginSyntax;

/**
 * The origins an application decides at each request: a {@code Predicate<String>} set as the
 * JAX-RS property of an {@code origins} placeholder (a tenant's own domain, say, looked up in what
 * the application knows of its tenants). The predicate is asked only about what a browser could
 * send as a page's origin and a literal origin could name, so the rules checked for configured
 * origins hold for these too: never {@code null}, an origin in another case or with a path, and,
 * under credentials, never plain http from another machine. What it throws refuses the origin
 * (but for the JVM's own failures, such as {@code OutOfMemoryError}).
 */
final class RequestTimeOrigins implements CorsPolicy.OriginMatcher {

  private static final Logger LOG = System.getLogger("org.corsgen");
  /**
   * Longer than any origin: a scheme, {@code ://}, a host name of at most 253 characters and a
   * port. Longer values come from no browser and are refused without asking the application.
   */
  static final int MAX_ORIGIN_LENGTH = 512;
  private static final long FAILURE_REPORT_INTERVAL = TimeUnit.MINUTES.toNanos(1);

  private final String source;
  private final Predicate<String> check;
  private final boolean credentials;
  /** When the next failure of the check may be logged, as {@link System#nanoTime()}. */
  private final AtomicLong nextFailureReport;
  private final AtomicInteger failuresSinceReport = new AtomicInteger();
  private final AtomicBoolean warnedAboutCleartext = new AtomicBoolean();
  /** Whether a failure has been logged: only the winner of {@link #nextFailureReport} writes. */
  private volatile boolean reported;

  /**
   * @param source the policy and placeholder, for log messages
   * @param check the application's predicate
   * @param credentials whether the policy allows credentials, which plain http from another
   *     machine must not be given
   */
  RequestTimeOrigins(String source, Predicate<String> check, boolean credentials) {
    this.source = source;
    this.check = check;
    this.credentials = credentials;
    this.nextFailureReport = new AtomicLong(System.nanoTime());
  }

  @Override
  public boolean matches(String origin) {
    if (origin.length() > MAX_ORIGIN_LENGTH || !OriginSyntax.isSerializedOrigin(origin)) {
      return false;
    }
    boolean allowed;
    try {
      allowed = check.test(origin);
    } catch (Throwable failure) {
      // The JVM's own failures (memory, an internal error) are not the check's to report; a stack
      // overflow is, as any failure of the check's own code.
      if (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)) {
        throw failure;
      }
      // A lookup that fails (its database is down, say) refuses the origin: the request is still
      // served, without grants, as for any refused origin, and the page sees a CORS error.
      reportFailure(origin, failure);
      return false;
    }
    if (allowed && credentials && OriginSyntax.isCleartext(new OriginSyntax.Exact(origin))) {
      if (warnedAboutCleartext.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "corsgen: " + source + ": the application's check allowed \""
            + CorsHeaders.forLog(origin) + "\", plain http on another machine, but the policy"
            + " allows credentials, which an active network attacker could then read; refused,"
            + " as are such origins from now on (said once). Serve that page over https.");
      }
      return false;
    }
    return allowed;
  }

  private void reportFailure(String origin, Throwable failure) {
    int failures = failuresSinceReport.incrementAndGet();
    long now = System.nanoTime();
    long due = nextFailureReport.get();
    if (now - due >= 0 && nextFailureReport.compareAndSet(due, now + FAILURE_REPORT_INTERVAL)) {
      failuresSinceReport.addAndGet(-failures);
      boolean first = !reported;
      reported = true;
      LOG.log(Level.WARNING, "corsgen: " + source + ": the application's check failed for \""
          + CorsHeaders.forLog(origin) + "\", which is therefore refused"
          + (first ? "; later failures are reported at most once a minute, with their number"
              : " (" + failures + (failures == 1 ? " failure" : " failures")
                  + " since the last report)"),
          failure);
    }
  }

  @Override
  public String toString() {
    return source + " " + check;
  }
}
