package org.clinicops.platform.patients;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class PatientNameLookupTest {

    private static final String ANSWER = """
            {"patients":[{"patientId":"p_ada","displayName":"Ada Lovelace","email":"ada@example.org","phone":"+1 555 0100"}]}
            """;

    private HttpServer intake;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = ANSWER;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hang;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void startIntake() throws IOException {
        intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        intake.createContext("/api/patients", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (hang) {
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        intake.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        intake.start();
        logs.start();
        ((Logger) LoggerFactory.getLogger(PatientNameLookup.class)).addAppender(logs);
    }

    @AfterEach
    void stopIntake() {
        released.countDown();
        intake.stop(0);
        SecurityContextHolder.clearContext();
        ((Logger) LoggerFactory.getLogger(PatientNameLookup.class)).detachAppender(logs);
    }

    @Test
    void readsNamesAndContactsForBillingWithTheUsersOwnTokenInOneCall() {
        signInWithToken("BILLING");

        PatientNames names = lookup(intakeUri()).namesOf(List.of("p_ada", "p_unseen", "p_ada"));

        assertThat(names.notice()).isNull();
        assertThat(names.nameOf("p_ada")).isEqualTo("Ada Lovelace");
        assertThat(names.find("p_ada").orElseThrow().email()).isEqualTo("ada@example.org");
        assertThat(names.nameOf("p_unseen")).isNull();
        assertThat(queries).containsExactly("ids=p_ada,p_unseen");
        assertThat(authorizations).containsExactly("Bearer token-of-the-user");
    }

    @Test
    void keepsContactDetailsFromNurses() {
        signInWithToken("NURSE");

        PatientNames names = lookup(intakeUri()).namesOf(List.of("p_ada"));

        assertThat(names.nameOf("p_ada")).isEqualTo("Ada Lovelace");
        assertThat(names.find("p_ada").orElseThrow().email()).isNull();
        assertThat(names.find("p_ada").orElseThrow().phone()).isNull();
    }

    @Test
    void intakeDownGivesPseudonymsAndANotice() throws IOException {
        signInWithToken("BILLING");
        URI down = intakeUri();
        intake.stop(0);

        PatientNames names = lookup(down).namesOf(List.of("p_ada"));

        assertThat(names.nameOf("p_ada")).isNull();
        assertThat(names.notice()).isEqualTo("Names unavailable: intake did not answer");
    }

    @Test
    void slowIntakeGivesUpAfterTheTimeout() {
        signInWithToken("NURSE");
        hang = true;

        long started = System.nanoTime();
        PatientNames names = lookup(intakeUri(), Duration.ofMillis(300)).namesOf(List.of("p_ada"));

        assertThat(names.unavailable()).isEqualTo(PatientNames.Unavailable.INTAKE_DID_NOT_ANSWER);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void refusalGivesANotice() {
        signInWithToken("NURSE");
        status = 403;
        body = "{\"title\":\"Forbidden\"}";

        PatientNames names = lookup(intakeUri()).namesOf(List.of("p_ada"));

        assertThat(names.unavailable()).isEqualTo(PatientNames.Unavailable.INTAKE_REFUSED);
        assertThat(names.notice()).startsWith("Names unavailable: intake refused");
    }

    @Test
    void noTokenMeansNoCall() {
        var user = new TestingAuthenticationToken("nurse", null, AuthorityUtils.NO_AUTHORITIES);
        SecurityContextHolder.getContext().setAuthentication(user);

        PatientNames names = lookup(intakeUri()).namesOf(List.of("p_ada"));

        assertThat(names.notice()).startsWith("Names unavailable:");
        assertThat(queries).isEmpty();
    }

    @Test
    void aRoleWithoutNamesMakesNoCall() {
        signInWithToken("OPERATOR");

        PatientNames names = lookup(intakeUri()).namesOf(List.of("p_ada"));

        assertThat(names.unavailable()).isEqualTo(PatientNames.Unavailable.ROLE_DOES_NOT_SHOW_NAMES);
        assertThat(queries).isEmpty();
    }

    @Test
    void noPseudonymsMeansNoCallAndNoNotice() {
        signInWithToken("NURSE");

        PatientNames names = lookup(intakeUri()).namesOf(List.of("not-a-pseudonym"));

        assertThat(names.notice()).isNull();
        assertThat(queries).isEmpty();
    }

    @Test
    void logsNeitherNamesNorPseudonyms() {
        signInWithToken("BILLING");
        status = 500;
        body = ANSWER;
        lookup(intakeUri()).namesOf(List.of("p_ada"));
        status = 200;
        body = ANSWER;
        PatientNames names = lookup(intakeUri()).namesOf(List.of("p_ada"));
        URI down = intakeUri();
        intake.stop(0);
        lookup(down).namesOf(List.of("p_ada"));

        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line).doesNotContain("Ada", "ada@", "555", "p_ada"));
        assertThat(names.toString()).doesNotContain("Ada");
        assertThat(names.find("p_ada").orElseThrow().toString()).doesNotContain("Ada");
    }

    private URI intakeUri() {
        return URI.create("http://127.0.0.1:" + intake.getAddress().getPort());
    }

    private static PatientNameLookup lookup(URI intake) {
        return lookup(intake, Duration.ofSeconds(5));
    }

    private static PatientNameLookup lookup(URI intake, Duration timeout) {
        return new PatientNameLookup(new IntakeProperties(intake, timeout), null);
    }

    private static void signInWithToken(String role) {
        Jwt jwt = Jwt.withTokenValue("token-of-the-user")
                .header("alg", "none")
                .claim("preferred_username", "staff")
                .claim("roles", List.of(role))
                .claim("sites", List.of("site-a"))
                .issuedAt(Instant.parse("2026-12-07T09:00:00Z"))
                .expiresAt(Instant.parse("2026-12-07T10:00:00Z"))
                .claims(claims -> claims.putAll(Map.of()))
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }
}
