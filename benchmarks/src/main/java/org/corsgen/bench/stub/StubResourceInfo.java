package org.corsgen.bench.stub;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;

/** What Jersey's {@code ResourceInfo} would say after matching one resource method. */
public record StubResourceInfo(Class<?> getResourceClass, Method getResourceMethod)
    implements ResourceInfo {}
