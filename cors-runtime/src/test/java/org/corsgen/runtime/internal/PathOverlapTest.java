package org.corsgen.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.glassfish.jersey.uri.PathPattern;
import org.junit.jupiter.api.Test;
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
      "/files/{p: .+}          | /docs/{b}               | false",
      "/{c}/{a,b}              | /{c}                    | true",
      "/{c}/{d}/x              | /{c}/{a,b: .+}          | true",
      "/x/{id}                 | /(/.*)?                 | true"})
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

  /**
   * Soundness, over random templates and URLs: where one URL matches both patterns, the paths
   * must be kept, or a preflight there would miss a method Jersey serves.
   */
  @Test
  void pathsThatSomeUrlMatchesBothAreNeverRuledOut() {
    String[] segments = {"a", "b", "ab", "a b", "a%20b", "\u00e9", "x.json", "{v}", "{v}.json",
        "a{v}", "{v}b", "{v: \\d+}", "{v: .+}", "{v: [a-z]+}", "{v: a.*}", "{v,w}", "{v,w: .+}",
        ""};
    String[] urlSegments = {"a", "b", "ab", "a%20b", "%C3%A9", "5", "x.json", "5.json", "a5",
        "5b", "ab5", ""};
    Random random = new Random(42);
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder url = new StringBuilder();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        url.append('/').append(urlSegments[random.nextInt(urlSegments.length)]);
      }
      urls.add(random.nextInt(4) == 0 ? url + "/" : url.toString());
    }
    for (int pair = 0; pair < 3000; pair++) {
      String first = template(segments, random);
      String later = template(segments, random);
      boolean open = random.nextBoolean();
      PathPattern firstPattern =
          new PathPattern(first, PathPattern.RightHandPath.capturingZeroSegments);
      PathPattern laterPattern = open ? new PathPattern(later)
          : new PathPattern(later, PathPattern.RightHandPath.capturingZeroSegments);
      if (PathOverlap.mayOverlap(firstPattern, laterPattern, open)) {
        continue;
      }
      for (String url : urls) {
        if (firstPattern.match(url) != null && laterPattern.match(url) != null) {
          fail(first + " and " + later + (open ? " (open)" : "") + " both match " + url);
        }
      }
    }
  }

  private static String template(String[] segments, Random random) {
    StringBuilder template = new StringBuilder();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      // Each variable a name of its own: Jersey refuses one name with two regexes.
      template.append('/').append(segments[random.nextInt(segments.length)]
          .replace("{v", "{v" + n).replace(",w", ",w" + n));
    }
    return template.toString();
  }
}
