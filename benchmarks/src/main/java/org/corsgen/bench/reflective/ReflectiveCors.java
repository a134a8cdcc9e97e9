package org.corsgen.bench.reflective;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The run-time CORS annotation of the baseline, read by {@link ReflectiveCorsFilter}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReflectiveCors {

  String[] origins();

  String[] methods();

  String[] allowHeaders() default {};

  String[] exposeHeaders() default {};

  boolean allowCredentials() default false;

  int maxAge() default -1;
}
