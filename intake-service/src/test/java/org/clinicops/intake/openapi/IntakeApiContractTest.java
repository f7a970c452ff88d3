package org.clinicops.intake.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.api.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole of intake's served {@code /v3/api-docs}, the platform's own operations included, keeps
 * the platform's API contract (issue 17): a summary and an operationId per operation, its security,
 * its problem-detail 4xx, bounded strings, lists and maps, enums as enums.
 */
@ServiceIntegrationTest
class IntakeApiContractTest {

    /**
     * Operations platform-support adds to every service and documents without a summary (all three)
     * or with unbounded query strings ({@code actor}, {@code patientId}, {@code site}, {@code
     * object} of the audit trail). Intake cannot fix them: they are excluded here, and only they,
     * until platform-support documents them; remove each then.
     */
    static final Set<String> PLATFORM_GAPS =
            Set.of("GET /api/audit", "GET /api/admin/dead-letters", "POST /api/admin/dead-letters/replay");

    @LocalServerPort
    int port;

    @Test
    void everyOperationOfTheServedDocumentKeepsThePlatformContract() throws Exception {
        String document = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();

        OpenApiContract.Report report = OpenApiContract.check(document);
        System.out.println("Intake API document: " + report);

        assertThat(report.violations())
                .as(report.toString())
                .filteredOn(v -> !PLATFORM_GAPS.contains(v.operation()))
                .isEmpty();
        assertThat(document)
                .contains("\"/api/consultation-requests\"", "\"/api/admin/dead-letters\"", "\"/api/audit\"");
    }
}
