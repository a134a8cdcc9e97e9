package org.corsgen.processor.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The policy report of this module's own test resources, which the processor wrote during
 * test-compile, and the JSON escaping it relies on.
 */
class PolicyReportWriterTest {

  private static String read(String resource) throws IOException {
    try (InputStream in = PolicyReportWriterTest.class.getClassLoader()
        .getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void jsonReportListsEveryEndpointWithItsPolicy() throws IOException {
    String json = read(PolicyReportWriter.JSON);
    assertTrue(json.startsWith("{\n  \"schema\": \"corsgen-policies/1\",\n  \"endpoints\": ["),
        json);
    assertTrue(json.contains("{\"path\": \"/items/{id: \\\\d+}\", \"httpMethod\": \"DELETE\","
        + " \"subResource\": false,"
        + " \"resourceClass\": \"org.corsgen.it.ItemsResource\", \"resourceMethod\": \"delete(long)\","
        + " \"declaredBy\": \"@Cors on org.corsgen.it.ItemsResource.delete(long)\","
        + " \"origins\": [\"https://admin.example.com\"], \"methods\": [], \"allowHeaders\": [],"
        + " \"exposeHeaders\": [], \"allowCredentials\": true, \"maxAge\": null}"), json);
  }

  @Test
  void reportRowsAreSortedByPathThenMethodSoBuildsDiffCleanly() throws IOException {
    List<String> rows = read(PolicyReportWriter.MARKDOWN).lines()
        .filter(line -> line.startsWith("| `/"))
        .toList();
    List<String> keys = rows.stream()
        .map(row -> row.split("`")[1] + " " + row.split(" \\| ")[1])
        .toList();
    assertEquals(keys.stream().sorted().toList(), keys);
    assertTrue(rows.contains("| `/items/{id: \\d+}` | PATCH | `org.corsgen.it.ItemsResource#patch("
        + "long,java.lang.String)` | `https://app.example.com`, `https://*.example.org` | no"
        + " | `Content-Type`, `X-Token` | `X-Total-Count` | 600 s |"), String.join("\n", rows));
  }

  /**
   * Jersey answers HEAD with a GET method, and the runtime with its policy, unless the class has a
   * HEAD method of its own there ({@code HeadResource} has one, without a policy).
   */
  @Test
  void headAnsweredByAGetMethodHasItsOwnRow() throws IOException {
    List<String> rows = read(PolicyReportWriter.MARKDOWN).lines().toList();
    assertTrue(rows.stream().anyMatch(row -> row.startsWith(
        "| `/items/{id: \\d+}` | HEAD | `org.corsgen.it.ItemsResource#get(long)` |")),
        String.join("\n", rows));
    assertTrue(rows.stream().anyMatch(row -> row.startsWith("| `/head` | GET |")));
    assertTrue(rows.stream().noneMatch(row -> row.startsWith("| `/head` | HEAD |")));
  }

  /** A class without {@code @Path} is listed at the paths below its locators, apart. */
  @Test
  void subResourceRowsComeLastWithTheirPathsBelowTheLocator() throws IOException {
    List<String> rows = read(PolicyReportWriter.MARKDOWN).lines()
        .filter(line -> line.startsWith("| `"))
        .toList();
    assertTrue(rows.get(rows.size() - 1).startsWith("| `{locator}/{line}` | PUT |"
        + " `org.corsgen.it.OrderLinesResource#put(java.lang.String,java.lang.String)` |"),
        String.join("\n", rows));
    assertTrue(rows.contains("| `{locator}` | HEAD | `org.corsgen.it.OrderLinesResource#list()`"
        + " | `https://app.example.com` | no | `Content-Type` | `X-Order` | 600 s |"),
        String.join("\n", rows));
    assertTrue(read(PolicyReportWriter.MARKDOWN).endsWith("\n`{locator}` stands for the path of"
        + " each sub-resource locator that returns the class: corsgen answers there\nwherever"
        + " Jersey routes a request to it.\n"));
    String json = read(PolicyReportWriter.JSON);
    assertTrue(json.contains("{\"path\": \"{locator}\", \"httpMethod\": \"GET\","
        + " \"subResource\": true, \"resourceClass\": \"org.corsgen.it.OrderLinesResource\","),
        json);
  }

  @Test
  void quoteEscapesWhatJsonRequires() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", PolicyReportWriter.quote("a\"b\\c\n\u0001"));
  }
}
