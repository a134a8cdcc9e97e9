package org.corsgen.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path templates normalized the way Jersey groups them, without a compiler. */
class PathTemplatesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/items                  | /items",
      "items/                  | /items",
      "''                      | /",
      "/                       | /",
      "/items/{id}             | /items/{[^/]+}",
      "/items/{ key }/         | /items/{[^/]+}",
      "/items/{id: \\d+}       | /items/{\\d+}",
      "items/{n:\\d+}          | /items/{\\d+}",
      "/a/{id: \\d{3}}/b       | /a/{\\d{3}}/b",
      "/a/{open                | /a/{open",
      "/sp ace                 | /sp%20ace",
      "/sp%20ace/{id}          | /sp%20ace/{[^/]+}",
      "/100%                   | /100%25",
      "/café/{x: a b}          | /caf%C3%A9/{a b}",
      "/a:b@c;d=e!$&'()*+,~    | /a:b@c;d=e!$&'()*+,~"})
  void variablesBecomeTheirRegexSlashesAreTrimmedAndLiteralsEncoded(String template, String normalized) {
    assertEquals(normalized, PathTemplates.normalize(template));
  }
}
