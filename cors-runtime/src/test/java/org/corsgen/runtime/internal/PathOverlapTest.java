package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.glassfish.jersey.uri.PathPattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathOverlapTest {

  /** {@code later} ending in {@code (/.*)?} stands for a path Jersey descends into. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/numbered/new           | /numbered/{id}          | true",
      "/numbered/new           | /numbered/{id}/parts    | false",
      "/things/{id: \\d+}      | /things/{id}            | true",
      "/{id}                   | /{id}/items             | false",
      "/{id}/items             | /{id}/status            | false",
      "/{id}/items/{item}      | /{id}/notes/{note}      | false",
      "/{id}/items/{item}      | /{x}/items/{y}          | true",
      "/{tenant}/users/{id}    | /{tenant}/groups/{id}   | false",
      "/items/{id}             | /orders/{id}            | false",
      "/v{n}/a                 | /x{n}/a                 | false",
      "/{n}.json               | /{n}.xml                | false",
      "/{n}.json               | /{n}                    | true",
      "/a/{id}                 | /a(/.*)?                | true",
      "/a/{id}/b               | /{x}(/.*)?              | true",
      "/a/{id}                 | /a/{id}/b(/.*)?         | false",
      "/caf%C3%A9/{id}         | /caf\u00e9/{id: \\d+}(/.*)?  | true",
      "/my%20items/{id}        | /my items/{id: \\d+}    | true",
      "/my items/{id}          | /my%20items/{id}/x      | false",
      "/sp ace                 | /sp%20ace/{x}(/.*)?     | false",
      "/sp ace/x               | /sp%20ace/{x}           | true",
      "/files/{p: .+}          | /files/a/{b}            | true",
      "/files/{p: .+}          | /docs/{b}               | false"})
  void templatesThatMayMeetAreKept(String first, String later, boolean overlap) {
    boolean open = later.endsWith("(/.*)?");
    String template = open ? later.substring(0, later.length() - "(/.*)?".length()) : later;
    PathPattern laterPattern = open
        ? new PathPattern(template)
        : new PathPattern(template, PathPattern.RightHandPath.capturingZeroSegments);
    assertEquals(overlap, PathOverlap.mayOverlap(
        new PathPattern(first, PathPattern.RightHandPath.capturingZeroSegments),
        laterPattern, open), first + " / " + later);
  }

  @ParameterizedTest
  @CsvSource({"/a", "/{x}", "/{x: .*}/y"})
  void aLocatorOfTheParentMeetsEveryPath(String first) {
    assertEquals(true, PathOverlap.mayOverlap(
        new PathPattern(first, PathPattern.RightHandPath.capturingZeroSegments),
        PathPattern.OPEN_ROOT_PATH_PATTERN, true));
  }
}
