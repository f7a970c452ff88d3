package org.clinicops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.demo.UserSignIn;
import org.clinicops.platform.test.FhirConformance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One patient's journey read back as FHIR R4 from the four services (issue 22): a consultation
 * request at intake, the consultation booked and held at scheduling, screening and the physician's
 * decision, the one infusion session of the plan booked, begun, charted at monitoring and completed
 * with its dose, then invoiced at billing. Every resource of that journey is read from the service
 * that owns it (a search by the patient, then a read of each resource by id) and each is valid base
 * R4 ({@link FhirConformance}: strict parse, round trip, R4 schemas).
 *
 * <p>It runs on the {@link SharedPlatform} at its own site {@code den}, whose physician is the demo
 * user {@code clinician-den}.
 */
@ExtendWith(SharedPlatform.class)
class FhirJourneyIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SITE = "den";

    private static final String PATIENT = """
            {"firstName": "Imogen", "lastName": "Journey-Testpatient", "dateOfBirth": "1981-02-03",
             "email": "imogen.journey@example.org", "phone": "+1 303 555 0142"}
            """;

    private static PlatformUnderTest platform;
    private static String physician;
    private static PatientJourneys journeys;

    @BeforeAll
    static void sharePlatform(PlatformUnderTest shared) {
        platform = shared;
        journeys = new PatientJourneys(shared, PATIENCE);
        physician = UserSignIn.accessToken(
                URI.create(platform.authServer().issuer()), "clinician-den", platform.authServer().demoPassword);
    }

    @Test
    void everyResourceOfOnePatientsJourneyIsServedByItsOwnerAndIsValidR4() throws Exception {
        assertOk(platform.post("scheduling-service", "/api/sites", """
                {"id": "%s", "name": "Journey Clinic", "timeZone": "America/New_York", "chairs": 2,
                 "clinicians": [{"id": "clinician-den", "name": "Dr. Journey", "role": "PHYSICIAN"},
                                {"id": "rn-den", "name": "Sam Rivera", "role": "NURSE"}]}
                """.formatted(SITE)));

        String requestId = journeys.approvedPlan(SITE, PATIENT, 1, physician);
        String patientId = get("intake-service", "/api/consultation-requests/" + requestId)
                .path("patientId")
                .asString();

        // the plan's session: begun, charted, completed with its dose (the discharge checks are the
        // physician's to override: the test does not wait out the observation time)
        JsonNode session = await("the session booked")
                .atMost(PATIENCE)
                .until(
                        () -> journeys.appointments(patientId, "INFUSION").stream()
                                .filter(a -> a.path("status").asString().equals("SCHEDULED"))
                                .findFirst()
                                .orElse(null),
                        appointment -> appointment != null);
        String sessionId = session.path("id").asString();
        assertOk(platform.post("scheduling-service", "/api/appointments/" + sessionId + "/check-in", "{}"));
        assertOk(platform.post("scheduling-service", "/api/appointments/" + sessionId + "/start", "{}"));
        HttpResponse<String> charted = await("monitoring knows the session")
                .atMost(PATIENCE)
                .until(
                        () -> platform.post(
                                "monitoring-service", "/api/sessions/" + sessionId + "/vitals", """
                                {"takenAt": "%s", "systolic": 126, "diastolic": 80, "heartRate": 72,
                                 "spo2": 98, "respiratoryRate": 14}
                                """.formatted(
                                                platform.clock().instant())),
                        response -> response.statusCode() != 404);
        assertOk(charted);
        assertOk(platform.post("scheduling-service", "/api/appointments/" + sessionId + "/complete", """
                {"doseMg": "36.0", "infusionMinutes": 40, "observationMinutes": 60, "symptomScale": "PHQ9",
                 "symptomScore": 12, "weightKg": "72.0", "dischargedWithEscort": true,
                 "override": {"reason": "journey test: observation time not waited out"}}
                """, physician));
        await("billing invoiced the session")
                .atMost(PATIENCE)
                .until(() -> get("billing-service", "/api/invoices?patientId=" + patientId)
                        .path("content")
                        .valueStream()
                        .anyMatch(i -> i.path("source").asString().equals("SESSION")));

        String fhirPatient = patientId.replace('_', '.');
        Map<String, List<Resource>> read = new LinkedHashMap<>();
        read.put("intake Patient", List.of(read("intake-service", "Patient", fhirPatient)));
        read.put("intake QuestionnaireResponse", search("intake-service", "QuestionnaireResponse", fhirPatient));
        read.put("intake Observation", search("intake-service", "Observation", fhirPatient));
        read.put("intake CarePlan", search("intake-service", "CarePlan", fhirPatient));
        read.put("scheduling Appointment", search("scheduling-service", "Appointment", fhirPatient));
        read.put("scheduling Encounter", search("scheduling-service", "Encounter", fhirPatient));
        read.put(
                "scheduling MedicationAdministration",
                search("scheduling-service", "MedicationAdministration", fhirPatient));
        read.put("scheduling Location", List.of(read("scheduling-service", "Location", SITE)));
        read.put("monitoring Observation", search("monitoring-service", "Observation", fhirPatient));
        read.put("billing Account", search("billing-service", "Account", fhirPatient));
        read.put("billing ChargeItem", search("billing-service", "ChargeItem", fhirPatient));
        read.put("billing Invoice", search("billing-service", "Invoice", fhirPatient));

        read.forEach((what, resources) -> assertThat(resources).as(what).isNotEmpty());
        assertThat(((Patient) read.get("intake Patient").get(0)).getIdPart()).isEqualTo(fhirPatient);
        assertThat(read.get("scheduling Appointment"))
                .as("the consultation and the session")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(read.get("billing Invoice"))
                .as("the session's invoice among the patient's")
                .anyMatch(invoice ->
                        ((Invoice) invoice).getLineItem().stream().anyMatch(line -> line.hasChargeItemReference()));

        // a bulk export of each service as the demo client (ADMIN, every site): every line of every
        // file is valid R4
        for (String service : PlatformUnderTest.SERVICES) {
            List<Resource> exported = bulkExport(service);
            assertThat(exported).as("%s's export", service).isNotEmpty();
        }
    }

    /**
     * A system export of the service ({@code $export}, polled until its manifest is answered): every
     * NDJSON line of every file parsed strictly and checked against R4.
     */
    private static List<Resource> bulkExport(String service) throws Exception {
        HttpResponse<String> kickOff =
                platform.get(platform.uri(service, "/fhir/r4/$export"), Map.of("Prefer", "respond-async"));
        assertThat(kickOff.statusCode())
                .as("%s $export: %s", service, kickOff.body())
                .isEqualTo(202);
        URI status = URI.create(kickOff.headers().firstValue("Content-Location").orElseThrow());
        HttpResponse<String> done = await(service + "'s export")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> platform.get(status, Map.of()), answer -> answer.statusCode() != 202);
        assertThat(done.statusCode())
                .as("%s export status: %s", service, done.body())
                .isEqualTo(200);
        JsonNode manifest = json.readTree(done.body());
        assertThat(manifest.path("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.path("error").size()).isZero();
        List<Resource> resources = new ArrayList<>();
        for (JsonNode output : manifest.path("output")) {
            HttpResponse<String> file =
                    platform.get(URI.create(output.path("url").asString()), Map.of());
            assertThat(file.statusCode()).as("%s %s", service, output).isEqualTo(200);
            List<String> lines =
                    file.body().lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines)
                    .as("lines of %s", output)
                    .hasSize(output.path("count").asInt());
            for (String line : lines) {
                resources.add(
                        FhirConformance.parse(line, model(output.path("type").asString())));
            }
        }
        return resources;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Resource> model(String type) throws ClassNotFoundException {
        return (Class<? extends Resource>) Class.forName("org.hl7.fhir.r4.model." + type);
    }

    /**
     * Searches the patient's resources of a type at the service, checks the Bundle and, for each entry,
     * reads the resource by id; answers what the reads returned, each valid R4.
     */
    private static List<Resource> search(String service, String type, String fhirPatient) throws Exception {
        HttpResponse<String> answer = platform.get(service, "/fhir/r4/" + type + "?patient=Patient/" + fhirPatient);
        assertThat(answer.statusCode())
                .as("%s %s: %s", service, type, answer.body())
                .isEqualTo(200);
        Bundle bundle = FhirConformance.parse(answer.body(), Bundle.class);
        List<Resource> resources = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource found = entry.getResource();
            assertThat(found.fhirType()).isEqualTo(type);
            resources.add(read(service, type, found.getIdPart()));
        }
        return resources;
    }

    private static Resource read(String service, String type, String id) throws Exception {
        HttpResponse<String> answer = platform.get(service, "/fhir/r4/" + type + "/" + id);
        assertThat(answer.statusCode())
                .as("%s %s/%s: %s", service, type, id, answer.body())
                .isEqualTo(200);
        @SuppressWarnings("unchecked")
        Class<? extends Resource> model = (Class<? extends Resource>) Class.forName("org.hl7.fhir.r4.model." + type);
        Resource resource = FhirConformance.parse(answer.body(), model);
        assertThat(resource.getIdPart()).isEqualTo(id);
        return resource;
    }

    private static JsonNode get(String service, String path) throws Exception {
        HttpResponse<String> answer = platform.get(service, path);
        assertThat(answer.statusCode())
                .as("%s %s: %s", service, path, answer.body())
                .isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static void assertOk(HttpResponse<String> response) {
        PatientJourneys.assertOk(response);
    }
}
