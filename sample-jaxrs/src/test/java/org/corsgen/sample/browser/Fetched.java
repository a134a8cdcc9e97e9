package org.corsgen.sample.browser;

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
  private static final String SCRIPT = """
      const [url, init, done] = arguments;
      fetch(url, init).then(
          async response => done({
              status: response.status,
              body: await response.text(),
              headers: Object.fromEntries(response.headers)}),
          error => done({error: error.name}));
      """;

  /** Calls {@code fetch(url, init)} in the current page of {@code driver} and waits for it. */
  @SuppressWarnings("unchecked")
  static Fetched in(WebDriver driver, String url, Map<String, Object> init) {
    Map<String, Object> result = (Map<String, Object>)
        ((JavascriptExecutor) driver).executeAsyncScript(SCRIPT, url, init);
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
