package org.custodian.testing;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium, driven through chromium-driver, on the deployed application. */
public final class Browser implements AutoCloseable {

  private final WebDriver driver;
  private final URL base;
  private final WebDriverWait wait;

  public Browser(URL base) {
    this.base = base;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new java.io.File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  public void open(String path) {
    driver.get(base.toString() + path);
    audit();
  }

  public void signIn(String username) {
    signIn(username, Api.DEMO_PASSWORD);
  }

  /** Signs in through the sign-in form, and waits until the next page shows who is signed in. */
  public void signIn(String username, String password) {
    open("logout");
    waitFor(By.id("j_username")).sendKeys(username);
    driver.findElement(By.id("j_password")).sendKeys(password);
    driver.findElement(By.id("signIn")).click();
    waitFor(By.id("signed-in-as"));
  }

  public WebElement waitFor(By by) {
    WebElement element = until(ExpectedConditions.visibilityOfElementLocated(by));
    audit();
    return element;
  }

  /** WCAG 2.1 A and AA, as the City's web sites follow them. */
  private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  /** The screens (paths) this browser has run axe-core over. */
  private final Set<String> audited = new HashSet<>();

  /**
   * Runs axe-core over the screen the browser shows, the first time it shows it, and fails on any
   * WCAG 2.1 A/AA violation with each rule, its targets and the HTML. An analysis the page cut
   * short (it navigated meanwhile) is tried again at the screen's next visit, not counted as a
   * pass.
   */
  private void audit() {
    String screen;
    try {
      screen = java.net.URI.create(driver.getCurrentUrl()).getPath();
    } catch (RuntimeException e) {
      return;
    }
    if (screen == null || !screen.startsWith(base.getPath()) || !audited.add(screen)) {
      return;
    }
    Results results;
    try {
      results = new AxeBuilder().withTags(WCAG).analyze(driver);
    } catch (RuntimeException e) {
      audited.remove(screen);
      return;
    }
    if (results.isErrored()) {
      audited.remove(screen);
      return;
    }
    if (!results.violationFree()) {
      StringBuilder report =
          new StringBuilder("WCAG 2.1 A/AA violations on " + screen + " (axe-core):");
      for (Rule rule : results.getViolations()) {
        report
            .append("\n- ")
            .append(rule.getId())
            .append(" (")
            .append(rule.getImpact())
            .append("): ")
            .append(rule.getHelp());
        for (CheckedNode node : rule.getNodes()) {
          report.append("\n    ").append(node.getTarget()).append(' ').append(node.getHtml());
        }
      }
      AssertionError failure = new AssertionError(report.toString());
      failure(new IllegalStateException(failure.getMessage()));
      throw failure;
    }
  }

  /**
   * Waits for a condition, asking again when the element it read was replaced meanwhile. An ajax
   * update or a navigation swaps the DOM under the driver; ChromeDriver then answers either a stale
   * element reference or, when the swap lands between finding a node and reading it, "unknown
   * error: Node with given id does not belong to the document" (BreachBrowserIT failed on that once
   * in CI while waiting for the status of the page after a submit).
   */
  private <T> T until(java.util.function.Function<WebDriver, T> condition) {
    try {
      return wait.until(
          d -> {
            try {
              return condition.apply(d);
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
              return null;
            } catch (org.openqa.selenium.WebDriverException e) {
              if (replaced(e)) {
                return null;
              }
              throw e;
            }
          });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw failure(e);
    }
  }

  /** Whether Chrome says the element belongs to a page that has been replaced meanwhile. */
  public static boolean replaced(org.openqa.selenium.WebDriverException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("does not belong to the document")
        || message.contains("No node with given id");
  }

  /**
   * Keeps the page as it was (screenshot and source under target/browser-failures) for the report.
   */
  private RuntimeException failure(RuntimeException e) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
      String name = "failure-" + System.currentTimeMillis();
      Files.writeString(
          dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
      Files.write(
          dir.resolve(name + ".png"),
          ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException ignored) {
      e.addSuppressed(ignored);
    }
    return e;
  }

  /**
   * The case page's audit entries (WEB-INF/includes/case-audit.xhtml) once one of them is in the
   * transparency log: the integrator includes an entry within a second or so, so the page is
   * reloaded (40 times at most) until it shows "included in checkpoint".
   */
  public String auditEntriesOnceIncluded() {
    String entries = text(By.id("auditEntries"));
    for (int i = 0; i < 40 && !entries.contains("included in checkpoint"); i++) {
      driver.navigate().refresh();
      entries = text(By.id("auditEntries"));
    }
    return entries;
  }

  /** The visible text of an element, read again if the page replaced it while it was being read. */
  public String text(By by) {
    return until(
        d ->
            ExpectedConditions.visibilityOfElementLocated(by).apply(d) == null
                ? null
                : d.findElement(by).getText());
  }

  /**
   * Types a date into a PrimeFaces date picker and closes its panel, and types it again should the
   * picker's script, still opening its panel, have swallowed the keys (the field then stays empty
   * and the form says it is required); returns once the field holds the date and no picker's panel
   * is open.
   */
  public void typeDate(By input, String date) {
    until(
        d -> {
          WebElement field = d.findElement(input);
          if (!date.equals(field.getDomProperty("value"))) {
            field.clear();
            field.sendKeys(date, Keys.ESCAPE);
            return false;
          }
          // a panel that opened after the Escape would cover what is clicked next
          if (d.findElements(By.cssSelector(".ui-datepicker")).stream()
              .anyMatch(WebElement::isDisplayed)) {
            field.sendKeys(Keys.ESCAPE);
            return false;
          }
          return true;
        });
    audit();
  }

  public void waitForText(By by, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    audit();
  }

  /**
   * Clicks once the element is clickable; a click on an element replaced meanwhile is tried again.
   */
  public void click(By by) {
    until(
        d -> {
          WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
          if (element == null) {
            return null;
          }
          element.click();
          return Boolean.TRUE;
        });
  }

  /**
   * Picks an item of a PrimeFaces selectOneMenu by its visible label, as a user does: open the
   * menu, click the item. A click that lands while the panel is still sliding open is not taken, so
   * the pick is retried until the menu shows the label.
   */
  public void choose(String menuId, String label) {
    By panel = By.id(menuId + "_panel");
    By item = By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']");
    WebDriverWait shortly = new WebDriverWait(driver, Duration.ofSeconds(3));
    for (int attempt = 1; ; attempt++) {
      try {
        if (!driver.findElement(panel).isDisplayed()) {
          click(By.id(menuId));
        }
        shortly.until(ExpectedConditions.visibilityOfElementLocated(item));
        driver.findElement(item).click();
        shortly.until(
            ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
        return;
      } catch (org.openqa.selenium.WebDriverException e) {
        // the menu was re-rendered by an ajax update, or the click landed mid-animation (on the
        // panel still sliding open or scrolling to the item, another item takes it): pick again
        boolean again =
            e instanceof org.openqa.selenium.TimeoutException
                || e instanceof org.openqa.selenium.StaleElementReferenceException
                || e instanceof org.openqa.selenium.ElementClickInterceptedException
                || replaced(e);
        if (!again || attempt == 5) {
          throw failure(e);
        }
      }
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves a screenshot for the docs (docs/images). */
  public void screenshot(String name) {
    Path dir = Path.of(System.getProperty("custodian.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name),
          ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
