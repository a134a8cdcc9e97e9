package org.corsgen.sample.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corsgen.sample.SampleApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Clicks every button of the sample's demo page, as a newcomer would, and checks that each
 * scenario ends as the page says it should. Leaves a screenshot in
 * {@code target/demo-page.png}.
 */
@ExtendWith(Chromium.SkipWhenMissing.class)
class DemoPageTest {

  /** The port the sample's {@code @Cors} origins name, so the demo page must be served there. */
  private static final int PAGE_PORT = 8081;

  private static Chromium chromium;
  private static SampleApp sample;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    try {
      sample = SampleApp.start(0, PAGE_PORT);
    } catch (BindException e) {
      throw new IllegalStateException("The demo page test needs port " + PAGE_PORT + " free:"
          + " the sample's @Cors policies name that origin at compile time.", e);
    }
  }

  @AfterAll
  static void stop() {
    if (sample != null) {
      sample.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void everyScenarioEndsAsThePageExpects() throws IOException {
    WebDriver driver = chromium.driver();
    driver.get(sample.pageUri().toString());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("simple", "PASS as expected");
    expected.put("preflight", "PASS as expected");
    expected.put("expose", "PASS as expected: X-Total-Count is 2");
    expected.put("credentials", "PASS as expected: the session cookie came back");
    expected.put("patch", "PASS as expected: note 1 is tagged demo");
    expected.put("subresource", "PASS as expected: cleared: note 1 has no tags");
    expected.put("delete", "BLOCKED as expected: TypeError");
    expected.put("header", "BLOCKED as expected: TypeError");
    expected.put("error", "PASS as expected: status 404");
    expected.put("subdomain", "PASS as expected: the frame at http://app.localhost:8081 read");
    expected.put("partner", "PASS as expected: the frame at http://shop.localhost:8081 was"
        + " refused, read \"News for partners\" once this page added it, and was refused again");

    Map<String, String> outcomes = new LinkedHashMap<>();
    Map<String, List<String>> console = new LinkedHashMap<>();
    for (String scenario : expected.keySet()) {
      chromium.console();
      driver.findElement(By.id("run-" + scenario)).click();
      WebElement result = driver.findElement(By.id("result-" + scenario));
      new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(unused -> result.getAttribute("class").contains("expected"));
      outcomes.put(scenario, result.getText());
      console.put(scenario, chromium.console());
    }
    Path screenshot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(screenshot, Path.of("target", "demo-page.png"),
        StandardCopyOption.REPLACE_EXISTING);

    assertAll(expected.entrySet().stream().map(scenario -> (Executable) () -> assertTrue(
        outcomes.get(scenario.getKey()).startsWith(scenario.getValue()),
        scenario.getKey() + ": " + outcomes.get(scenario.getKey()))));
    // The sample runs in debug mode, so the console says why the DELETE and the header were
    // refused.
    assertTrue(console.get("delete").stream().anyMatch(message -> message.contains(
        "Method DELETE is not allowed by Access-Control-Allow-Methods in preflight response")),
        console::toString);
    assertTrue(console.get("header").stream().anyMatch(message -> message.contains(
        "Request header field x-trace is not allowed by Access-Control-Allow-Headers in preflight"
        + " response")), console::toString);
  }
}
