package org.clinicops.scheduling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StaffClient;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.api.ApiFuzz;
import org.clinicops.platform.test.api.OpenApiContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The scheduling API as a client and an attacker see it (issue 17): its whole OpenAPI document,
 * platform operations (audit, dead letters) included, is one a client can trust, and no hostile
 * request on any operation gives a 5xx, a refusal that is not a problem detail, or a refusal that
 * wrote to MongoDB. Seeded: replay a failing run with {@code -Dapi.fuzz.seed=<seed>}, lengthen it
 * with {@code -Dapi.fuzz.requests=<n>}.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractAndFuzzTest {

    /**
     * Operations whose violations are not scheduling's to fix here, each with the reason. Remove an
     * entry once its operation is fixed where it lives.
     */
    private static final List<String> FIXED_ELSEWHERE = List.of(
            // platform-support's AuditController: actor, patientId, site and object have no maxLength
            "GET /api/audit ",
            // platform-support's dead-letter endpoints declare no summary
            "GET /api/admin/dead-letters ",
            "POST /api/admin/dead-letters/replay ",
            // the day board page is being changed in another piece of work: its id gets its bound there
            "GET /sites/{id}/board ");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    String document;

    @BeforeAll
    void readTheDocument() {
        // read once, without the harness's 10 s timeout: the first rendering of the document is slow
        // on a busy machine
        document = new StaffClient(port).get("/v3/api-docs", null).body();
    }

    @Test
    void theWholeApiDocumentIsOneAClientCanTrust() {
        OpenApiContract.Report report = OpenApiContract.check(document);
        System.out.println("Scheduling API document: " + report);

        assertThat(report.violations())
                .filteredOn(v -> FIXED_ELSEWHERE.stream().noneMatch(op -> (v.operation() + " ").startsWith(op)))
                .isEmpty();
    }

    @Test
    void noHostileRequestBreaksTheApi() {
        ApiFuzz.Report report = ApiFuzz.against(port)
                .document(document)
                .store(mongo)
                // the sweep (every minute, in the background) deletes the checks it has reconciled
                // from this worklist: a deletion there during a refused request is not the request's
                .ignoringCollections("reservation_checks")
                .validToken(TestTokens::admin)
                .seed(20261206L)
                .requests(400)
                .run();
        System.out.println("Scheduling API fuzz: " + report);

        report.assertNoFailures();
        assertThat(report.statuses()).containsKeys("2xx", "4xx");
    }
}
