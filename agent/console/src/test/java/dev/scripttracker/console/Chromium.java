package dev.scripttracker.console;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its own chromedriver (packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). Both paths are given, so Selenium Manager
 * never looks for, or downloads, a browser or a driver.
 */
final class Chromium {

    static final String BROWSER = System.getProperty("test.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("test.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    static ChromeDriver start() {
        if (!new File(BROWSER).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("the browser tests need Chromium at " + BROWSER + " and chromedriver at "
                    + DRIVER + ": apt-get install -y chromium chromium-driver (or set -Dtest.chromium and"
                    + " -Dtest.chromedriver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // An element looked for right after a click may be on the page the click is still loading.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return driver;
    }
}
