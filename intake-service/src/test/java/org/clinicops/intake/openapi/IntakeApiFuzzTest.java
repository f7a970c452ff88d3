package org.clinicops.intake.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.api.ApiFuzz;
import org.clinicops.platform.test.api.FuzzRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Hostile requests on every operation of intake's document (issue 17), with an ADMIN's token, an
 * expired, tampered or foreign one, or none: never a 5xx, every 4xx a problem detail, and nothing
 * written by a refused request. Replay a run with {@code -Dapi.fuzz.seed}, lengthen it with {@code
 * -Dapi.fuzz.requests}.
 */
@ServiceIntegrationTest
class IntakeApiFuzzTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void noHostileRequestBreaksTheApi() {
        ApiFuzz.Report report =
                ApiFuzz.against(port).store(mongo).seed(20261206L).requests(400).run();
        System.out.println("Intake API fuzz: " + report);

        report.assertNoFailures();
        assertThat(report.statuses()).containsKey("4xx");
    }

    // Counterexamples of the kind the harness finds, kept as plain tests: ids in the path and in the
    // name lookup are bounded, so the document can promise it (the contract test checks it).

    @Test
    void anOverlongRequestIdInThePathIsA400ProblemAndWritesNothing() {
        long before = mongo.getCollection("consultation_requests").countDocuments();

        ApiFuzz.Answer answer = ApiFuzz.against(port)
                .send(FuzzRequest.of("POST", "/api/consultation-requests/" + "r".repeat(81) + "/withdraw", null, null));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection("consultation_requests").countDocuments())
                .isEqualTo(before);
    }

    @Test
    void anOverlongPatientIdInThePathIsA400Problem() {
        ApiFuzz.Answer answer =
                ApiFuzz.against(port).send(FuzzRequest.of("GET", "/api/patients/p_" + "x".repeat(79), null, null));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anOverlongIdInTheNameLookupIsA400ProblemNamingIds() {
        ApiFuzz.Answer answer =
                ApiFuzz.against(port).send(FuzzRequest.of("GET", "/api/patients?ids=p_" + "x".repeat(65), null, null));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("ids");
    }
}
