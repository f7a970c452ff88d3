package org.clinicops.monitoring.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.platform.test.AuthServerProcess;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A nurse signs in with the real authorization server the way a browser does (authorization-code
 * flow, session cookie) and uses the page's forms: with the CSRF token the page gave her they work,
 * without it they are refused.
 */
@ServiceIntegrationTest
class NurseSignInIT {

    static final int PORT = AuthServerProcess.freePort();
    // the service on 127.0.0.1 and the authorization server on localhost keep their cookies apart
    static final String BASE = "http://127.0.0.1:" + PORT;
    static final AuthServerProcess AUTH = AuthServerProcess.start(BASE + "/login/oauth2/code/clinic");

    @DynamicPropertySource
    static void signIn(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        AUTH.serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stop() {
        AUTH.close();
    }

    @Autowired
    TestClock clock;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    InfusionSessionRepository sessions;

    /** A weekday morning on the service's clock (sign-in itself runs on real time, as tokens do). */
    Instant now;

    @BeforeEach
    void aWeekdayMorning() {
        now = TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC);
        clock.set(now);
    }

    final CookieManager cookies = new CookieManager();
    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    final HttpClient noRedirects = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void aSignedInNursePostsThePageFormsWithTheirCsrfTokenAndNeverWithout() throws Exception {
        // a session in progress at bos, as scheduling booked it
        new BookedSessions(kafka, sessions).book(now.minus(Duration.ofMinutes(30)), "ses_signin", "p_signin", "bos");
        HttpResponse<String> login = send(browser, get(BASE + "/sessions/ses_signin?patientId=p_signin&siteId=bos"));
        assertThat(login.uri().getPath()).isEqualTo("/login");
        HttpResponse<String> page = send(
                browser,
                form(
                        login.uri().resolve("/login").toString(),
                        "username=nurse-bos&password=" + AUTH.demoPassword + "&_csrf=" + csrf(login.body())));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().toString()).startsWith(BASE + "/sessions/ses_signin");
        assertThat(page.body()).contains("<h1>Session <span>ses_signin</span></h1>");

        // the site is unknown to monitoring, so the form's times are in UTC
        String reading = "patientId=p_signin&siteId=bos&takenAt="
                + LocalDateTime.ofInstant(now.minus(Duration.ofMinutes(2)), ZoneOffset.UTC)
                + "&systolic=130&diastolic=80&heartRate=80&spo2=97&respiratoryRate=14";
        HttpResponse<String> forged = send(noRedirects, form(BASE + "/sessions/ses_signin/vitals", reading));
        assertThat(forged.statusCode()).as("a form post without the CSRF token").isEqualTo(403);

        HttpResponse<String> charted =
                send(noRedirects, form(BASE + "/sessions/ses_signin/vitals", reading + "&_csrf=" + csrf(page.body())));
        assertThat(charted.statusCode()).isEqualTo(302);
        HttpResponse<String> after = send(browser, get(BASE + "/sessions/ses_signin"));
        assertThat(after.body()).contains("<td>130/80</td>");

        // her session reaches only her site's sessions
        assertThat(send(noRedirects, get(BASE + "/sessions/ses_signin_den?siteId=den"))
                        .statusCode())
                .isEqualTo(403);
    }

    private static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(html);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        String value = token.group(1) != null ? token.group(1) : token.group(2);
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Accept", "text/html")
                .build();
    }

    private static HttpRequest form(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request)
            throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
