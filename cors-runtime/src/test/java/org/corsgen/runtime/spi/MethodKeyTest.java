package org.corsgen.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodKeyTest {

  @SuppressWarnings("unused")
  static final class Sample {
    void none() {}

    void mixed(int a, String[] b, Map.Entry<String, String> c, List<?>[][] d) {}
  }

  @Test
  void keyUsesTypeNamesOfErasedParameters() throws Exception {
    assertEquals("none()", MethodKey.of(Sample.class.getDeclaredMethod("none")));
    assertEquals("mixed(int,java.lang.String[],java.util.Map$Entry,java.util.List[][])",
        MethodKey.of(Sample.class.getDeclaredMethod("mixed", int.class, String[].class,
            Map.Entry.class, List[][].class)));
  }
}
