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
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.test.AuthServerProcess;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The billing staff's pages in a real headless Chromium (Debian's chromium and chromium-driver),
 * signed in through the real authorization server with the authorization-code flow. API calls that
 * prepare data keep using {@link TestTokens}; only the pages' sign-in needs the server's keys.
 */
@ServiceIntegrationTest
class StaffDeskBrowserIT {

    /** The service's port, known before it starts: the authorization server must redirect back to it. */
    static final int SERVICE_PORT = AuthServerProcess.freePort();

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final Instant NOW = Instant.parse("2026-03-16T15:00:00Z");

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
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
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
        browser.get(url("/desk.css"));
        browser.manage().deleteAllCookies(); // host cookies ignore the port: both servers' sessions go
        browser.get(url("/"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.getCurrentUrl().startsWith(auth.issuer() + "/login"));
        if ("billing-bos".equals(username)) {
            screenshot("login");
        }
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(auth.demoPassword);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.getCurrentUrl().startsWith(url("/")));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).contains(username);
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
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Work queue");
        assertThat(browser.getPageSource())
                .contains(id)
                .contains("$1,295.00")
                .doesNotContain(denver)
                .doesNotContain("p_ui_den");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).contains("billing-bos", "bos");
        screenshot("queue");

        browser.findElement(By.linkText(id)).click();
        assertThat(browser.findElement(By.id("balance")).getText()).isEqualTo("$1,295.00");
        screenshot("invoice");

        browser.findElement(By.id("payment-amount")).sendKeys("5000");
        browser.findElement(By.id("record-payment")).click();
        assertThat(browser.findElement(By.id("payment-amount-error")).getText()).contains("exceeds the balance");
        assertThat(browser.findElement(By.id("payment-amount")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        screenshot("invoice-error");

        var amount = browser.findElement(By.id("payment-amount"));
        amount.clear();
        amount.sendKeys("300.00");
        new Select(browser.findElement(By.id("payment-method"))).selectByValue("CASH");
        browser.findElement(By.id("record-payment")).click();

        assertThat(browser.findElement(By.id("balance")).getText()).isEqualTo("$995.00");
        assertThat(browser.findElement(By.id("paid")).getText()).isEqualTo("$300.00");
        assertThat(browser.getPageSource()).contains("PARTIALLY_PAID").contains("CASH");
        screenshot("invoice-paid");

        browser.findElement(By.linkText("p_ui_pay")).click();
        assertThat(browser.findElement(By.id("account-balance")).getText()).isEqualTo("$995.00");
        screenshot("patient");
        assertThat(api.get("/api/invoices/" + id).<String>get("balance")).isEqualTo("995.00");
        assertThat(api.get("/api/invoices/" + id).body().toString()).contains("by=billing-bos");
    }

    @Test
    void aBillingClerkOfBostonCannotOpenADenverInvoicePage() throws Exception {
        Api api = new Api(port);
        String denver = issuedInvoice(api, "p_ui_den2", "den");

        signInAs("billing-bos");
        browser.get(url("/invoices/" + denver));

        assertThat(browser.findElement(By.id("denied")).getText()).isEqualTo("Not one of your sites");
        assertThat(browser.getPageSource())
                .contains("403")
                .doesNotContain("p_ui_den2")
                .doesNotContain("$1,295.00")
                .doesNotContain("record-payment");
        screenshot("foreign-invoice");
        browser.get(url("/patients/p_ui_den2"));
        assertThat(browser.findElement(By.id("denied")).getText()).isEqualTo("Not one of your sites");
        assertThat(browser.getPageSource()).doesNotContain("account-balance");
        assertThat(api.get("/api/invoices/" + denver).<String>get("status")).isEqualTo("ISSUED");
    }

    @Test
    void showsVoidErrorsBesideTheFieldAndTheFeeScheduleReadOnlyToBillingStaff() throws Exception {
        Api api = new Api(port);
        String id = issuedInvoice(api, "p_ui_void");

        signInAs("billing-bos");
        browser.get(url("/invoices/" + id));
        browser.findElement(By.cssSelector("form[action$='/void'] button")).click();
        assertThat(browser.findElement(By.id("void-reason-error")).getText()).contains("reason");
        assertThat(api.get("/api/invoices/" + id).<String>get("status")).isEqualTo("ISSUED");

        browser.get(url("/sites/bos/fee-schedule"));
        assertThat(browser.findElement(By.id("read-only")).getText()).contains("changed by an administrator");
        assertThat(browser.findElements(By.cssSelector("main form button"))).isEmpty();
        assertThat(browser.findElement(By.name("code")).isEnabled()).isFalse();
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
        browser.get(url("/sites/pdx/fee-schedule"));
        screenshot("fee-schedule");
        List<org.openqa.selenium.WebElement> codes = browser.findElements(By.name("code"));
        int last = codes.size() - 1;
        codes.get(last).sendKeys("99204");
        browser.findElements(By.name("description")).get(last).sendKeys("New patient evaluation");
        browser.findElements(By.name("unitPrice")).get(last).sendKeys("abc");
        browser.findElement(By.cssSelector("main form button")).click();
        assertThat(browser.findElement(
                                By.xpath("//input[@name='unitPrice' and @aria-invalid='true']/following-sibling::p"))
                        .getText())
                .contains("amount");
        var price = browser.findElement(By.xpath("//input[@name='unitPrice' and @aria-invalid='true']"));
        price.clear();
        price.sendKeys("350");
        browser.findElement(By.cssSelector("main form button")).click();
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
