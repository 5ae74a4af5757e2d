package com.batchtrace.it;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's chromium and chromedriver) for the whole test run: starting a
 * browser costs seconds on these 2-core machines, so tests share it and clear its cookies.
 */
public final class Browser {

  private static WebDriver driver;

  private Browser() {}

  public static synchronized WebDriver driver() {
    if (driver == null) {
      driver = start();
      Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
    }
    return driver;
  }

  private static WebDriver start() {
    try {
      Path profile =
          Files.createTempDirectory(
              Path.of(TestStack.property("test.build.dir")), "chromium-profile-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1400,1000",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File("/usr/bin/chromedriver"))
              .build();
      return new ChromeDriver(service, options);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot create a Chromium profile folder", e);
    }
  }

  public static WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver(), Duration.ofSeconds(20));
    wait.withMessage(() -> "page was " + driver().getCurrentUrl() + ": " + evidence());
    // Ajax replaces the parts of a page it updates: an element read while that happens is read
    // again at the next poll.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /**
   * Forgets every session, the application's and Keycloak's single sign-on. WebDriver's
   * deleteAllCookies only reaches the cookies the current page can see, and Keycloak's live under
   * /realms/plant, so the browser's whole cookie store is cleared instead.
   */
  public static void signedOut() {
    ((ChromeDriver) driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /** Opens the Keycloak sign-in page by visiting {@code path} while signed out. */
  public static void openSignInPage(String path) {
    signedOut();
    driver().get(TestStack.app(path).toString());
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
  }

  /** Signs in through the Keycloak page and lands on {@code path} of the application. */
  /** The user id of who signed in last: what they type at their session's first signature. */
  static String signedIn() {
    return signedIn;
  }

  private static String signedIn;

  public static void signInAs(DemoUser user, String path) {
    signInAs(user.username, path);
  }

  /** Signs in a user with the demo password (e.g. one of {@link TestStack#newKeycloakUser}). */
  public static void signInAs(String username, String path) {
    signedIn = username;
    openSignInPage(path);
    driver().findElement(By.id("username")).sendKeys(username);
    driver().findElement(By.id("password")).sendKeys(DemoUser.PASSWORD);
    driver().findElement(By.id("kc-login")).click();
    waiting().until(ExpectedConditions.urlContains(TestStack.server() + "/batchtrace"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-user")));
  }

  /** What the page showed when a wait gave up: its text, and a screenshot and source in target/. */
  private static String evidence() {
    String text = driver().findElement(By.tagName("body")).getText();
    try {
      Path dir =
          Files.createDirectories(
              Path.of(TestStack.property("test.build.dir"), "browser-evidence"));
      String name = "page-" + System.currentTimeMillis();
      Files.write(
          dir.resolve(name + ".png"),
          ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
      Files.writeString(dir.resolve(name + ".html"), driver().getPageSource());
      text += " [saved as " + dir.resolve(name) + ".png/.html]";
    } catch (java.io.IOException | RuntimeException e) {
      text += " [no screenshot: " + e.getMessage() + "]";
    }
    return text.length() > 800 ? text.substring(0, 800) + "..." : text;
  }

  /** The browser window's size, e.g. a terminal's 1280x800. */
  public static void windowSize(int width, int height) {
    driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  /** The browser's own size, for the tests after one that changed it. */
  public static void defaultWindowSize() {
    windowSize(1400, 1000);
  }

  /** Saves what the browser shows as {@code name}.png in the screenshot folder (ear/pom.xml). */
  public static void screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of(TestStack.property("test.screenshots.dir")));
      Files.write(
          dir.resolve(name + ".png"),
          ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static String pageTitle() {
    return driver().findElement(By.tagName("h1")).getText();
  }

  public static WebElement visible(By locator) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** The labels of the navigation entries shown to the signed-in user. */
  public static List<String> navigation() {
    return driver().findElements(By.cssSelector(".ui-menubar .ui-menuitem-text")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /**
   * Downloads what a link of the page points to, with the browser's own session, as a click would.
   */
  public static byte[] download(By link) {
    return downloadResponse(link).body();
  }

  /** As {@link #download}, with the response's headers (e.g. a checksum sent with the file). */
  public static HttpResponse<byte[]> downloadResponse(By link) {
    String href = driver().findElement(link).getAttribute("href");
    HttpResponse<byte[]> response =
        TestStack.sendForBytes(
            HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + sessionCookie().getValue()));
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + href + " answered " + response.statusCode());
    }
    return response;
  }

  /** The application's session cookie, as the browser holds it. */
  public static Cookie sessionCookie() {
    return driver().manage().getCookieNamed("JSESSIONID");
  }
}
