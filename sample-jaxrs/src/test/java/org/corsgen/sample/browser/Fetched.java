package org.corsgen.sample.browser;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What a page's {@code fetch} call gave the script: the answer, or the name of the error it
 * rejected with (a CORS refusal is a bare {@code TypeError}, by design).
 */
record Fetched(Optional<String> error, int status, String body, Map<String, String> headers) {

  // Headers come back with lower-case names, as the Fetch standard's Headers object lists them.
  // The calls run one after another in the page, with no round trip to the driver between them.
  private static final String SCRIPT = """
      const [url, init, times, done] = arguments;
      (async () => {
        const results = [];
        for (let i = 0; i < times; i++) {
          try {
            const response = await fetch(url, init);
            results.push({
                status: response.status,
                body: await response.text(),
                headers: Object.fromEntries(response.headers)});
          } catch (error) {
            results.push({error: error.name});
          }
        }
        done(results);
      })();
      """;

  /**
   * Calls {@code fetch(url, init)} {@code times} times in turn, each once the one before has
   * answered, all in one script: what a browser caches between them (a preflight it may keep for
   * five seconds only) does not depend on how quickly the driver answers.
   */
  @SuppressWarnings("unchecked")
  static List<Fetched> in(WebDriver driver, String url, Map<String, Object> init, int times) {
    List<Map<String, Object>> results = (List<Map<String, Object>>)
        ((JavascriptExecutor) driver).executeAsyncScript(SCRIPT, url, init, times);
    return results.stream().map(Fetched::of).toList();
  }

  @SuppressWarnings("unchecked")
  private static Fetched of(Map<String, Object> result) {
    if (result.containsKey("error")) {
      return new Fetched(Optional.of((String) result.get("error")), 0, "", Map.of());
    }
    return new Fetched(Optional.empty(), ((Number) result.get("status")).intValue(),
        (String) result.get("body"), (Map<String, String>) result.get("headers"));
  }

  /** Whether the browser withheld the answer, as it does for anything CORS does not allow. */
  boolean blocked() {
    return error.equals(Optional.of("TypeError"));
  }
}
