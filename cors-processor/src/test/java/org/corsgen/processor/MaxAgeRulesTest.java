package org.corsgen.processor;

import static org.corsgen.processor.ProcessorTests.assertClean;
import static org.corsgen.processor.ProcessorTests.assertOnly;
import static org.corsgen.processor.ProcessorTests.compile;
import static org.corsgen.processor.ProcessorTests.resource;

import javax.tools.JavaFileObject;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on {@code maxAge}. */
class MaxAgeRulesTest {

  @ParameterizedTest
  @ValueSource(ints = {-2, Integer.MIN_VALUE})
  void maxAgeBelowMinusOneIsAnError(int maxAge) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    maxAge = " + maxAge + ")");
    assertOnly(compile(source), source, "maxAge", Message.MAX_AGE_NEGATIVE, maxAge);
  }

  @ParameterizedTest
  @ValueSource(ints = {86_401, Integer.MAX_VALUE})
  void maxAgeAboveEveryBrowsersCapIsAWarning(int maxAge) {
    JavaFileObject source = resource(
        "@Cors(",
        "    origins = \"https://app.example.com\",",
        "    maxAge = " + maxAge + ")");
    assertOnly(compile(source), source, "maxAge", Message.MAX_AGE_ABOVE_CAP, maxAge);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 600, 7200, 86_400})
  void maxAgeFromMinusOneToFirefoxsCapIsAccepted(int maxAge) {
    assertClean(compile(resource(
        "@Cors(origins = \"https://app.example.com\", maxAge = " + maxAge + ")")));
  }
}
