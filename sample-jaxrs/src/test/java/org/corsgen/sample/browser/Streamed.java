package org.corsgen.sample.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What a page's {@code EventSource} gave the script: the data of the messages it received, in
 * order, and whether it gave up ({@code readyState} {@code CLOSED} after an error, as it does when
 * CORS refuses the stream) rather than being closed by the script.
 */
record Streamed(List<String> messages, boolean failed) {

  // Closed by the script once it has the messages it waits for; an error with the state still
  // CONNECTING is a reconnection under way, not a failure.
  private static final String SCRIPT = """
      const [url, wanted, done] = arguments;
      const messages = [];
      const source = new EventSource(url);
      const finish = failed => { source.close(); done({messages, failed}); };
      source.onmessage = event => {
        messages.push(event.data);
        if (messages.length === wanted) finish(false);
      };
      source.onerror = () => {
        if (source.readyState === EventSource.CLOSED) finish(true);
      };
      """;

  /** Opens an {@code EventSource} on {@code url} and waits for {@code wanted} messages. */
  @SuppressWarnings("unchecked")
  static Streamed in(WebDriver driver, String url, int wanted) {
    Map<String, Object> result = (Map<String, Object>)
        ((JavascriptExecutor) driver).executeAsyncScript(SCRIPT, url, wanted);
    return new Streamed((List<String>) result.get("messages"), (Boolean) result.get("failed"));
  }
}
