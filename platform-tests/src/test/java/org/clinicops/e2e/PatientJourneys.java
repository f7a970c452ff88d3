package org.clinicops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps the end-to-end tests walk a patient through, through the services' public APIs: a
 * consultation request at intake taken to an approved plan, and the patient's appointments as
 * scheduling lists them.
 */
final class PatientJourneys {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final PlatformUnderTest platform;
    private final Duration patience;

    PatientJourneys(PlatformUnderTest platform, Duration patience) {
        this.platform = platform;
        this.patience = patience;
    }

    /**
     * A consultation request of the patient (the {@code patient} member's JSON) at the site taken
     * through intake to an approved plan of {@code sessions} sessions: the consultation booked,
     * checked in and completed at scheduling, then screening and the decision of the signed-in
     * physician (a 409 naming the physician, {@code NOT_A_...}, is not waited out). Answers the
     * request's id.
     */
    String approvedPlan(String siteId, String patient, int sessions, String physician) throws Exception {
        HttpResponse<String> created = await("intake knows site " + siteId)
                .atMost(patience)
                .until(
                        () -> platform.post(
                                "intake-service", "/api/consultation-requests", """
                                {"siteId": "%s", "patient": %s, "condition": "TREATMENT_RESISTANT_DEPRESSION",
                                 "referralSource": "PHYSICIAN", "payerType": "SELF_PAY"}
                                """.formatted(siteId, patient)),
                        response -> response.statusCode() != 400);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode request = json.readTree(created.body());
        String requestId = request.path("id").asString();
        String patientId = request.path("patientId").asString();

        JsonNode consultation = await("the consultation booked")
                .atMost(patience)
                .until(
                        () -> appointments(patientId, "CONSULTATION").stream()
                                .filter(a -> a.path("status").asString().equals("SCHEDULED"))
                                .findFirst()
                                .orElse(null),
                        appointment -> appointment != null);
        String consultationId = consultation.path("id").asString();
        assertOk(platform.post("scheduling-service", "/api/appointments/" + consultationId + "/check-in", "{}"));
        assertOk(platform.post("scheduling-service", "/api/appointments/" + consultationId + "/complete", "{}"));

        // intake accepts screening and the decision once it has seen the check-in and the completion
        HttpResponse<String> screened = await("intake saw the check-in")
                .atMost(patience)
                .until(
                        () -> platform.post(
                                "intake-service", "/api/consultation-requests/" + requestId + "/screening", """
                                        {"phq9": [2, 2, 2, 2, 2, 2, 1, 1, 0], "weightKg": 72,
                                         "priorTrials": [{"drug": "sertraline", "adequate": true, "relief": false},
                                                         {"drug": "bupropion", "adequate": true, "relief": false}],
                                         "contraindications": [], "medications": []}
                                        """),
                        response -> response.statusCode() != 409);
        assertThat(screened.statusCode()).as(screened.body()).isBetween(200, 299);
        HttpResponse<String> decided = await("intake saw the completion")
                .atMost(patience)
                .until(
                        () -> platform.post(
                                "intake-service",
                                "/api/consultation-requests/" + requestId + "/decision",
                                """
                                {"decision": "ACCEPTED", "protocol": "DEPRESSION_INDUCTION",
                                 "sessions": %d, "doseMgPerKg": 0.5}
                                """.formatted(sessions),
                                physician),
                        response ->
                                response.statusCode() != 409 || response.body().contains("NOT_A_"));
        assertThat(decided.statusCode()).as(decided.body()).isBetween(200, 299);
        return requestId;
    }

    /** The patient's appointments of the type (CONSULTATION or INFUSION), earliest first. */
    List<JsonNode> appointments(String patientId, String type) throws Exception {
        HttpResponse<String> page = platform.get(
                "scheduling-service", "/api/appointments?patientId=" + patientId + "&type=" + type + "&size=50");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json.readTree(page.body()).path("content").valueStream().toList();
    }

    static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("%s %s", response.request().uri(), response.body())
                .isBetween(200, 299);
    }
}
