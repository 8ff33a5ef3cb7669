package dev.ragft.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.facts.Strategy;
import dev.ragft.testing.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Each shipped example's HTML report loaded in Debian's real headless Chromium (through its
 * chromedriver; {@code .ci/run} installs both when missing): no console errors, nothing fetched, one
 * line per strategy in the cost chart with the break-even marked where it falls, accessible names for
 * the charts, and a screenshot of each under {@code target/report-browser/}.
 */
class HtmlReportBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path OUT = Path.of("target", "report-browser");

    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void startChromium() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install -y chromium chromium-driver)").isExecutable();
        Files.createDirectories(OUT);
        profile = Files.createTempDirectory("ragft-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1100,1400",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static Stream<Fixtures.Consultation> examples() {
        return ReportTest.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theReportLoadsCleanlyWithOneLinePerStrategy(Fixtures.Consultation consultation) throws IOException {
        Report report = ReportTest.report(consultation);
        String name = consultation.name().replace("examples/", "").replace(".json", "");
        Path page = OUT.resolve(name + ".html").toAbsolutePath();
        Files.writeString(page, HtmlReport.render(report));

        browser.get(page.toUri().toString());

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("browser console").isEmpty();
        // Self-contained: the page fetched nothing besides itself.
        Object fetched = ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat((List<?>) fetched).as("resources fetched").isEmpty();

        WebElement chart = browser.findElement(By.cssSelector("svg.ragft-cost-chart"));
        for (Strategy strategy : Strategy.values()) {
            assertThat(chart.findElements(By.cssSelector("path.series[data-strategy='" + strategy + "']")))
                    .as("lines for " + strategy).hasSize(1);
        }
        assertThat(chart.findElements(By.cssSelector("path"))).hasSize(Strategy.values().length);
        // Every line is drawn inside the chart, month 0 to the horizon.
        for (WebElement line : chart.findElements(By.cssSelector("path.series"))) {
            assertThat(line.getSize().getWidth()).as(line.getDomAttribute("data-strategy")).isGreaterThan(300);
        }
        Integer breakEven = report.advice().costs().breakEvenMonth();
        boolean inside = breakEven != null && breakEven <= report.advice().costs().horizonMonths();
        assertThat(chart.findElements(By.cssSelector("g.break-even"))).hasSize(inside ? 1 : 0);
        if (inside) {
            assertThat(chart.findElement(By.cssSelector("g.break-even text")).getText())
                    .isEqualTo("break-even: month " + breakEven);
        }
        // Axes labelled, legend present, and an accessible name and description.
        assertThat(chart.getText()).contains("Month", "Cumulative cost (USD)", "Fine-tune", "RAG", "Hybrid");
        assertThat(accessible(chart)).containsEntry("role", "img");
        assertThat(browser.findElement(By.id("ragft-cost-title")).getAttribute("textContent")).contains("Cumulative cost");
        assertThat(browser.findElement(By.id("ragft-cost-desc")).getAttribute("textContent"))
                .contains(TextReport.usd(report.advice().costs().rag().totalUsd()));
        assertThat(browser.findElements(By.cssSelector("svg.ragft-score-chart rect"))).hasSize(6);
        // The summary card comes first, under the one h1.
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        WebElement card = browser.findElement(By.cssSelector("main > section.card"));
        assertThat(card.getText()).contains(report.advice().confidence() + " confidence", "Break-even month");
        assertThat(browser.findElements(By.cssSelector("table th[scope]"))).isNotEmpty();

        Files.write(OUT.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(OUT.resolve(name + ".png")).isNotEmptyFile();
    }

    /** The console check above can fail: a page that fetches a missing file shows up in the browser's log. */
    @org.junit.jupiter.api.Test
    void theBrowserLogCheckSeesAPageThatFetchesSomething() throws IOException {
        Path page = OUT.resolve("broken-on-purpose.html").toAbsolutePath();
        Files.writeString(page, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title></head>"
                + "<body><img src=\"does-not-exist.png\" alt=\"missing\"></body></html>");
        browser.get(page.toUri().toString());
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .anyMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue());
    }

    private static Map<String, String> accessible(WebElement svg) {
        return Map.of("role", String.valueOf(svg.getDomAttribute("role")),
                "labelledby", String.valueOf(svg.getDomAttribute("aria-labelledby")));
    }
}
