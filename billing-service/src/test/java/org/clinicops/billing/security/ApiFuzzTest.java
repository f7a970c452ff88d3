package org.clinicops.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.api.ApiFuzz;
import org.clinicops.platform.test.api.FuzzRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Property-based fuzzing of every operation of billing's OpenAPI document (the platform's audit and
 * dead-letter operations included) with hostile requests and a valid ADMIN, an invalid or no token:
 * never a 5xx, every 4xx a problem detail, a refused request writes nothing to MongoDB. Replay a run
 * with {@code -Dapi.fuzz.seed=<seed>}, lengthen it with {@code -Dapi.fuzz.requests=<n>}.
 */
@ServiceIntegrationTest
class ApiFuzzTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void noHostileRequestBreaksTheBillingApi() {
        ApiFuzz.Report report =
                ApiFuzz.against(port).store(mongo).seed(20261206L).requests(400).run();
        System.out.println(report);

        report.assertNoFailures();
        assertThat(report.statuses()).containsKeys("2xx", "4xx");
    }

    // Counterexamples the harness found, shrunk, kept as plain tests.

    /** Was a 500 after the package was stored: the Location header was built from the raw id. */
    @Test
    void aSeriesPackageForAPatientIdThatIsNoUriSegmentIsNo500() {
        ApiFuzz.Answer answer = ApiFuzz.against(port)
                .send(FuzzRequest.of(
                        "POST",
                        "/api/patients/%7B%7D/series-packages",
                        "application/json",
                        "{\"siteId\":\"j\",\"sessions\":3,\"price\":\"1\"}"));

        assertThat(answer.status()).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    /** A path id longer than any id is refused before anything is read or written. */
    @Test
    void aPathIdLongerThanAnyIdIsA400Problem() {
        ApiFuzz.Answer answer = ApiFuzz.against(port)
                .send(FuzzRequest.of(
                        "POST",
                        "/api/patients/" + "p".repeat(65) + "/series-packages",
                        "application/json",
                        "{\"siteId\":\"j\",\"sessions\":3,\"price\":\"1\"}"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
