package org.corsgen.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path templates normalized the way Jersey groups them, without a compiler. */
class PathTemplatesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/items                  | /items",
      "/items/                 | /items/",
      "''                      | ''",
      "/                       | /",
      "//twice//deeper         | //twice//deeper",
      "/items/{id}             | /items/{[^/]+}",
      "/items/{ key }          | /items/{[^/]+}",
      "/items/{id: \\d+}       | /items/{\\d+}",
      "/items/{n:\\d+}         | /items/{\\d+}",
      "/a/{id: \\d{3}}/b       | /a/{\\d{3}}/b",
      "/a/{open                | /a/{open",
      "/sp ace                 | /sp%20ace",
      "/sp%20ace/{id}          | /sp%20ace/{[^/]+}",
      "/100%                   | /100%25",
      "/café/{x: a b}          | /caf%C3%A9/{a b}",
      "/a:b@c;d=e!$&'()*+,~    | /a:b@c;d=e!$&'()*+,~"})
  void variablesBecomeTheirRegexAndLiteralsAreEncoded(String template, String normalized) {
    assertEquals(normalized, PathTemplates.normalize(template));
  }

  /**
   * As Jersey builds the regex it routes by (checked against Jersey 4.0.2's {@code PathPattern}):
   * a leading slash where missing and one trailing slash dropped, from each side.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/items   | {id}     | /items/{id}",
      "items/   | /{id}/   | /items/{id}",
      "/items   | ''       | /items",
      "/items   | /        | /items",
      "/        | items    | /items",
      "''       | ''       | /",
      "//twice  | //deeper | //twice//deeper",
      "/slashed/| /deep/   | /slashed/deep",
      "dbl//    | ''       | /dbl/",
      "//       | x        | //x",
      "//       | ''       | /",
      "/        | //       | /",
      "/        | ///      | //",
      "f//      | //g      | /f///g",
      "/r       | //       | /r/",
      "/r       | y//      | /r/y/",
      "///t//   | ''       | ///t/"})
  void classAndMethodPathsJoinAsJerseyJoinsThem(String classPath, String methodPath,
      String joined) {
    assertEquals(joined, PathTemplates.join(classPath, methodPath));
  }

  /**
   * Both named {@code /}, the root's own methods and those at {@code //} below it are routed
   * apart: Jersey serves {@code GET //} with the second (checked on Jersey 4.0.2).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/        | ''       | ''",
      "''       | /        | ''",
      "/        | //       | /",
      "//       | ''       | /",
      "/items/  | {id: \\d+} | /items/{\\d+}",
      "/r       | //       | /r/"})
  void routesKeepTheRootApartFromASlashBelowIt(String classPath, String methodPath,
      String route) {
    assertEquals(route, PathTemplates.route(classPath, methodPath));
  }
}
