package org.corsgen.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type annotation like Bean Validation's {@code @Positive} or {@code @Min}, which are
 * {@code TYPE_USE} too: on a primitive parameter javac keeps it in the parameter's type.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.PARAMETER})
public @interface Positive {}
