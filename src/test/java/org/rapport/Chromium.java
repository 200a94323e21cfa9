package org.rapport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's headless Chromium for browser tests: a test class launches it once ({@link #launch()}, skipped without
 * Chromium, failed when {@code CI} is set) and opens a page per test that records console errors and CSP violations.
 */
public record Chromium(Playwright playwright, Browser browser) implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            if (System.getenv("CI") != null) {
                fail("install chromium: apt-get install -y chromium");
            }
            assumeTrue(false, "install chromium: apt-get install -y chromium");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new Chromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true)));
    }

    /** A page in a fresh context on the application at {@code port}; close it with {@code page.context().close()}. */
    public Page open(int port, List<String> consoleErrors) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add("uncaught: " + error));
        return page;
    }

    @Override
    public void close() {
        playwright.close();
    }
}
