package org.corsgen.runtime.internal;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link PreflightFilter} to the OPTIONS endpoints that corsgen adds; {@link FilterBinder}
 * puts it on other OPTIONS methods at their paths.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PreflightBinding {}
