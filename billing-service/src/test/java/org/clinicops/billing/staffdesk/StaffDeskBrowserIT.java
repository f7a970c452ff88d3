package org.clinicops.billing.staffdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.test.AuthServerProcess;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The billing staff's pages in a real headless Chromium (Debian's chromium and chromium-driver),
 * signed in through the real authorization server with the authorization-code flow. API calls that
 * prepare data keep using {@link TestTokens}; only the pages' sign-in needs the server's keys.
 *
 * <p>Every step waits explicitly for the page state it needs before it reads or clicks: a click that
 * sends a form or follows a link waits until the old page is gone and the new one has loaded
 * ({@link #submitWith}), typing waits until the field holds the text ({@link #type}), and reading
 * waits until the element is shown ({@link #shown}). A busy machine then only makes the steps slower,
 * never makes one read the page before.
 */
@ServiceIntegrationTest
class StaffDeskBrowserIT {

    /** The service's port, known before it starts: the authorization server must redirect back to it. */
    static final int SERVICE_PORT = AuthServerProcess.freePort();

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final Instant NOW = Instant.parse("2026-03-16T15:00:00Z");
    /** How long a step may wait for its page state: page loads and sign-in on a busy 2-core machine. */
    static final Duration STEP = Duration.ofSeconds(30);

    static WebDriver browser;
    static AuthServerProcess auth;

    @DynamicPropertySource
    static void signInThroughTheAuthorizationServer(DynamicPropertyRegistry registry) {
        auth = AuthServerProcess.start("http://localhost:" + SERVICE_PORT + "/login/oauth2/code/clinic");
        registry.add("server.port", () -> SERVICE_PORT);
        auth.serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @BeforeEach
    void theDayOfTheInvoices() {
        // the invoices below are for a session on NOW; the clerks work on them minutes later
        clock.set(NOW.plus(Duration.ofMinutes(5)));
    }

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(
                CHROMEDRIVER.canExecute() && CHROMIUM.canExecute(), "chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        // no implicit wait: each step waits explicitly for what it needs (implicit and explicit waits
        // mixed give unpredictable timeouts)
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (auth != null) {
            auth.close();
        }
    }

    /** Starts a fresh sign-in (no session at the service nor at the authorization server). */
    void signInAs(String username) throws Exception {
        open("/desk.css");
        browser.manage().deleteAllCookies(); // host cookies ignore the port: both servers' sessions go
        browser.get(url("/"));
        waiting().until(d -> d.getCurrentUrl().startsWith(auth.issuer() + "/login"));
        loaded();
        if ("billing-bos".equals(username)) {
            screenshot("login");
        }
        type(By.id("username"), username);
        type(By.id("password"), auth.demoPassword);
        submitWith(By.cssSelector("button[type=submit]"));
        waiting().until(d -> d.getCurrentUrl().startsWith(url("/")));
        loaded();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), username));
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, STEP);
    }

    /** Opens a page of the service and waits until it has loaded. */
    void open(String path) {
        browser.get(url(path));
        loaded();
    }

    /** Waits until the page in the browser has loaded. */
    void loaded() {
        waiting()
                // while the browser swaps documents a script can fail: ask again
                .ignoring(WebDriverException.class)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** The element once it is shown. */
    WebElement shown(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Clicks what sends a form or follows a link and waits until the page it was on is gone and the
     * answer (after any redirect) has loaded: the page is marked before the click, and a new document
     * comes with a new window that carries no mark. (Waiting for the old element to go stale is not
     * enough: while Chromium swaps documents it can answer with an inspector error instead.)
     */
    void submitWith(By locator) {
        String page = UUID.randomUUID().toString();
        ((JavascriptExecutor) browser).executeScript("window.clinicPage = arguments[0]", page);
        waiting().until(ExpectedConditions.elementToBeClickable(locator)).click();
        waiting()
                // while the browser swaps documents a script can fail: ask again
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript(
                                "return window.clinicPage !== arguments[0] && document.readyState === 'complete'",
                                page)));
    }

    void type(By field, String text) {
        type(shown(field), text);
    }

    /** Replaces what the field holds with {@code text} and waits until it holds exactly that. */
    void type(WebElement field, String text) {
        field.clear();
        if (!String.valueOf(field.getDomProperty("value")).isEmpty()) {
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        }
        waiting().until(d -> String.valueOf(field.getDomProperty("value")).isEmpty());
        field.sendKeys(text);
        waiting().until(d -> text.equals(field.getDomProperty("value")));
    }

    /** Chooses an option of a select and waits until it is chosen. */
    void choose(By select, String value) {
        WebElement element = shown(select);
        new Select(element).selectByValue(value);
        waiting().until(d -> value.equals(element.getDomProperty("value")));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String issuedInvoice(Api api, String patientId) {
        return issuedInvoice(api, patientId, "bos");
    }

    String issuedInvoice(Api api, String patientId, String site) {
        TestEvents.publish(
                kafka,
                new SiteUpdated(
                        site,
                        "bos".equals(site) ? "Boston" : "Denver",
                        "America/New_York",
                        "USD",
                        6,
                        List.of(),
                        true,
                        NOW),
                "evt_ui_site_" + site);
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_" + patientId,
                        patientId,
                        site,
                        Condition.TREATMENT_RESISTANT_DEPRESSION,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        NOW),
                "evt_ui_" + patientId);
        await().until(() -> api.get("/api/patients/" + patientId + "/account").status() == 200
                && api.get("/api/sites/" + site + "/fee-schedule").status() == 200);
        String id = api.post(
                        "/api/invoices",
                        Map.of(
                                "patientId",
                                patientId,
                                "siteId",
                                site,
                                "serviceAt",
                                "2026-03-16T15:00:00Z",
                                "lines",
                                List.of(
                                        Map.of(
                                                "code",
                                                "96365",
                                                "description",
                                                "IV infusion, first hour",
                                                "units",
                                                1,
                                                "unitPrice",
                                                "1250.00"),
                                        Map.of(
                                                "code",
                                                "J3490",
                                                "description",
                                                "Ketamine (unclassified drug)",
                                                "units",
                                                1,
                                                "unitPrice",
                                                "45.00"))))
                .get("id");
        api.post("/api/invoices/" + id + "/issue", Map.of());
        return id;
    }

    @Test
    void recordsAPaymentThroughTheInvoicePageAndSeesTheBalanceChange() throws Exception {
        Api api = new Api(port);
        String id = issuedInvoice(api, "p_ui_pay");

        String denver = issuedInvoice(api, "p_ui_den", "den");

        signInAs("billing-bos");
        open("/");
        assertThat(shown(By.tagName("h1")).getText()).isEqualTo("Work queue");
        assertThat(browser.getPageSource())
                .contains(id)
                .contains("$1,295.00")
                .doesNotContain(denver)
                .doesNotContain("p_ui_den");
        assertThat(shown(By.id("signed-in-as")).getText()).contains("billing-bos", "bos");
        screenshot("queue");

        submitWith(By.linkText(id));
        assertThat(shown(By.id("balance")).getText()).isEqualTo("$1,295.00");
        screenshot("invoice");

        type(By.id("payment-amount"), "5000");
        submitWith(By.id("record-payment"));
        assertThat(shown(By.id("payment-amount-error")).getText()).contains("exceeds the balance");
        assertThat(shown(By.id("payment-amount")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        screenshot("invoice-error");

        type(By.id("payment-amount"), "300.00");
        choose(By.id("payment-method"), "CASH");
        submitWith(By.id("record-payment"));

        assertThat(browser.getCurrentUrl()).endsWith("/invoices/" + id + "?done=payment");
        assertThat(shown(By.id("balance")).getText()).isEqualTo("$995.00");
        assertThat(shown(By.id("paid")).getText()).isEqualTo("$300.00");
        assertThat(browser.getPageSource()).contains("PARTIALLY_PAID").contains("CASH");
        screenshot("invoice-paid");

        submitWith(By.linkText("p_ui_pay"));
        assertThat(shown(By.id("account-balance")).getText()).isEqualTo("$995.00");
        screenshot("patient");
        assertThat(api.get("/api/invoices/" + id).<String>get("balance")).isEqualTo("995.00");
        assertThat(api.get("/api/invoices/" + id).body().toString()).contains("by=billing-bos");
    }

    @Test
    void aBillingClerkOfBostonCannotOpenADenverInvoicePage() throws Exception {
        Api api = new Api(port);
        String denver = issuedInvoice(api, "p_ui_den2", "den");

        signInAs("billing-bos");
        open("/invoices/" + denver);

        assertThat(shown(By.id("denied")).getText()).isEqualTo("Not one of your sites");
        assertThat(browser.getPageSource())
                .contains("403")
                .doesNotContain("p_ui_den2")
                .doesNotContain("$1,295.00")
                .doesNotContain("record-payment");
        screenshot("foreign-invoice");
        open("/patients/p_ui_den2");
        assertThat(shown(By.id("denied")).getText()).isEqualTo("Not one of your sites");
        assertThat(browser.getPageSource()).doesNotContain("account-balance");
        assertThat(api.get("/api/invoices/" + denver).<String>get("status")).isEqualTo("ISSUED");
    }

    @Test
    void showsVoidErrorsBesideTheFieldAndTheFeeScheduleReadOnlyToBillingStaff() throws Exception {
        Api api = new Api(port);
        String id = issuedInvoice(api, "p_ui_void");

        signInAs("billing-bos");
        open("/invoices/" + id);
        submitWith(By.cssSelector("form[action$='/void'] button"));
        assertThat(shown(By.id("void-reason-error")).getText()).contains("reason");
        assertThat(api.get("/api/invoices/" + id).<String>get("status")).isEqualTo("ISSUED");

        open("/sites/bos/fee-schedule");
        assertThat(shown(By.id("read-only")).getText()).contains("changed by an administrator");
        assertThat(browser.findElements(By.cssSelector("main form button"))).isEmpty();
        assertThat(shown(By.name("code")).isEnabled()).isFalse();
        screenshot("fee-schedule-read-only");
    }

    @Test
    void anAdministratorEditsTheFeeScheduleWithErrorsBesideTheField() throws Exception {
        Api api = new Api(port);
        // a site of its own, so the new price does not change what other tests charge
        TestEvents.publish(
                kafka,
                new SiteUpdated("pdx", "Portland", "America/Los_Angeles", "USD", 3, List.of(), true, NOW),
                "evt_ui_site_pdx");
        await().until(() -> api.get("/api/sites/pdx/fee-schedule").status() == 200);

        signInAs("admin");
        open("/sites/pdx/fee-schedule");
        shown(By.cssSelector("main form button"));
        screenshot("fee-schedule");
        List<WebElement> codes = browser.findElements(By.name("code"));
        int last = codes.size() - 1;
        type(codes.get(last), "99204");
        type(browser.findElements(By.name("description")).get(last), "New patient evaluation");
        type(browser.findElements(By.name("unitPrice")).get(last), "abc");
        submitWith(By.cssSelector("main form button"));
        By invalidPrice = By.xpath("//input[@name='unitPrice' and @aria-invalid='true']");
        assertThat(shown(By.xpath("//input[@name='unitPrice' and @aria-invalid='true']/following-sibling::p"))
                        .getText())
                .contains("amount");
        type(invalidPrice, "350");
        submitWith(By.cssSelector("main form button"));
        assertThat(browser.getCurrentUrl()).endsWith("/sites/pdx/fee-schedule?saved");
        assertThat(shown(By.cssSelector("p[role=status]")).getText()).isEqualTo("Fee schedule saved.");
        assertThat(browser.getPageSource()).contains("Fee schedule saved");
        assertThat(api.get("/api/sites/pdx/fee-schedule").body().toString())
                .contains("99204")
                .contains("350.00");
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }
}
