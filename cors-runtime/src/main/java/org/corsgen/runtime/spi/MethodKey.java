package org.corsgen.runtime.spi;

import java.lang.reflect.Method;

/**
 * The key that identifies a resource method between the processor and the runtime:
 * {@code name(type,type)} with erased parameter types as {@link Class#getTypeName()} spells them
 * ({@code update(java.lang.String,com.example.Item$Patch,int[])}).
 *
 * <p>The processor computes the same string from the method's element; a test on both sides
 * keeps them in step.
 */
public final class MethodKey {

  private MethodKey() {}

  /** The key of {@code method}. */
  public static String of(Method method) {
    StringBuilder key = new StringBuilder(method.getName()).append('(');
    Class<?>[] parameters = method.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      if (i > 0) {
        key.append(',');
      }
      key.append(parameters[i].getTypeName());
    }
    return key.append(')').toString();
  }
}
