package org.corsgen.sample.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven by its own chromedriver, with a fresh profile each time.
 *
 * <p>Both executables are given to Selenium explicitly, so Selenium Manager never runs and
 * nothing is downloaded. When they are missing, test classes marked with {@link SkipWhenMissing}
 * are skipped, except on CI (environment variable {@code CI=true}), where a suite that ran no
 * browser must not pass.
 */
final class Chromium implements AutoCloseable {

  static final String BROWSER = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  private static final String MISSING = "Browser tests need " + BROWSER + " and " + DRIVER
      + ": install the Debian packages chromium chromium-driver"
      + " (apt-get install chromium chromium-driver).";

  private final WebDriver driver;
  private final Path profile;

  private Chromium(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Skips a test class when the browser is missing, except on CI, where {@link #start} then fails.
   * A condition rather than an assumption, so that every test shows up as skipped, with the reason.
   */
  static final class SkipWhenMissing implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (installed() || "true".equals(System.getenv("CI"))) {
        return ConditionEvaluationResult.enabled("Chromium is installed, or CI must run it");
      }
      System.err.println(context.getDisplayName() + " skipped. " + MISSING);
      return ConditionEvaluationResult.disabled(MISSING);
    }
  }

  private static boolean installed() {
    return Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
  }

  /** Starts a browser; fails when there is none (see {@link SkipWhenMissing}). */
  static Chromium start() throws IOException {
    if (!installed()) {
      fail(MISSING + " CI runs them and cannot skip them.");
    }
    Path profile = Files.createTempDirectory("corsgen-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile,
        // Every host name is loopback, so tests can load pages from origins such as
        // http://sub.app.test without touching DNS or /etc/hosts.
        "--host-resolver-rules=MAP * 127.0.0.1");
    // The console, where Chromium says why it blocked a CORS request (console()).
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return new Chromium(driver, profile);
  }

  WebDriver driver() {
    return driver;
  }

  /** What the pages wrote to the console since the last call, CORS errors included. */
  List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * Quits the browser, then removes its profile as well as it can: a Chromium child process may
   * still be writing there for a moment, and a temporary directory left behind fails no test.
   */
  @Override
  public void close() {
    driver.quit();
    for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException | UncheckedIOException stillInUse) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
