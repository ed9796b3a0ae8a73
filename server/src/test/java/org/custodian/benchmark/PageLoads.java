package org.custodian.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodian.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** A screen's load time in headless Chromium, from the browser's Navigation Timing. */
final class PageLoads {

  private PageLoads() {}

  static boolean browserAvailable() {
    return Files.isExecutable(Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium")))
        && Files.isExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")));
  }

  /** Navigation start to the load event, scripts and styles cached after the warm-up loads. */
  static Stats measure(Browser browser, String path, int warmup, int samples) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    String script =
        "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd;";
    List<Long> loaded = new ArrayList<>();
    for (int i = 0; i < warmup + samples; i++) {
      browser.open(path);
      double end = ((Number) js.executeScript(script)).doubleValue();
      if (end <= 0) {
        browser.waitFor(By.id("signed-in-as"));
        end = ((Number) js.executeScript(script)).doubleValue();
      }
      if (i >= warmup) {
        loaded.add((long) (end * 1e6));
      }
    }
    return Stats.ofNanos(loaded);
  }
}
