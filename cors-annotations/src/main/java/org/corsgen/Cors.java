package org.corsgen;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Enables CORS (the Fetch standard's cross-origin protocol) for a JAX-RS resource.
 *
 * <p>On a resource class (a root resource, or a class a sub-resource locator returns) the policy
 * covers every resource method of that class. On a resource method it <em>replaces</em> the
 * class-level policy for that method; the two are never merged. Methods without a policy in
 * effect get no CORS at all. A policy on an interface or superclass, or on a method there, is
 * inherited as JAX-RS inherits the annotations of resource methods; on a sub-resource locator it
 * is a compile error (the class the locator returns carries the policy).
 *
 * <p>The corsgen annotation processor validates the policy when the code is compiled and
 * generates its header values as constants; {@code org.corsgen.runtime.CorsFeature} builds the
 * preflight endpoints and response filters from them in Jersey. Nothing reads this annotation at
 * run time.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch: CORS protocol</a>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Cors {

  /**
   * {@return the origins allowed to read responses}: serialized origins such as
   * {@code "https://app.example.com"} or {@code "http://localhost:3000"}, subdomain patterns such
   * as {@code "https://*.example.com"} (any subdomain, at any depth, but not {@code example.com}
   * itself), port wildcards such as {@code "http://localhost:*"} (any port, the default one
   * included; {@code "https://*.example.com:*"} for both), {@code "*"} for any origin, or
   * placeholders {@code "${key}"} and {@code "${key:https://default.example}"} resolved from
   * configuration at start-up (or asked at each request, when the key's JAX-RS property is a
   * {@code java.util.function.Predicate<String>}).
   */
  String[] origins();

  /**
   * {@return the HTTP methods a page may use}. Empty means every method the resource serves at
   * that path ({@code HEAD} comes with {@code GET}). Methods are compared case-sensitively, as
   * browsers do.
   */
  String[] methods() default {};

  /**
   * {@return the request headers a page may send} beyond the CORS-safelisted ones; {@code "*"}
   * means any (except {@code Authorization}, which must be named), and is only valid without
   * credentials.
   */
  String[] allowHeaders() default {};

  /**
   * {@return the response headers a page may read} beyond the CORS-safelisted ones; {@code "*"}
   * means any, and is only valid without credentials.
   */
  String[] exposeHeaders() default {};

  /** {@return whether a page may send cookies or HTTP authentication and read the answer} */
  boolean allowCredentials() default false;

  /**
   * {@return the seconds a browser may cache a preflight answer}. {@code 600} is WebKit's cap;
   * Chromium caps at 7200 and Firefox at 86400. {@code 0} sends {@code 0} (no caching);
   * {@code -1} omits the header so that the browser's default of 5 seconds applies.
   */
  int maxAge() default 600;
}
