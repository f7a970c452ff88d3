package org.clinicops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinicops.demo.UserSignIn;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinical hold holds across the four services (issue 16): one patient with an approved plan and
 * booked infusions has a grade 3 adverse event reported at monitoring during the first infusion;
 * scheduling holds the sessions not begun. A second plan approved at intake meanwhile, and a
 * waiting-list retry (a site change, the path the API offers), book nothing: no infusion of the
 * patient is SCHEDULED while the hold is active. Once a clinician, signed in at the real
 * authorization server, releases the hold through monitoring's API, the held sessions and the new
 * plan are booked: never two infusions of the patient on one local calendar day, each plan in its
 * session order.
 *
 * <p>The decisions to treat are the site's physician's, signed in as {@code clinician-bos}: intake
 * takes the deciding clinician from the token and refuses the demo client's ADMIN (409).
 *
 * <p>It runs on the {@link SharedPlatform} (from a weekday 09:00 in Boston, inside the site's
 * default opening hours), so the consultation and the first infusion fall on that day; its own site
 * {@code bos} and patient keep it independent of the other classes there.
 */
@ExtendWith(SharedPlatform.class)
class ClinicalHoldEndToEndIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final ZoneId BOSTON = SharedPlatform.ZONE;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Statuses of an infusion that takes place (or took place): the ones the same-day rule counts. */
    private static final Set<String> TAKES_PLACE =
            Set.of("SCHEDULED", "CHECKED_IN", "IN_PROGRESS", "COMPLETED", "STOPPED");

    /** The site's physician: a demo user of the authorization server (CLINICIAN at bos). */
    private static final String PHYSICIAN = "clinician-bos";

    private static final String PATIENT = """
            {"firstName": "Rosalind", "lastName": "Hold-Testpatient", "dateOfBirth": "1975-06-14",
             "email": "rosalind.hold@example.org", "phone": "+1 617 555 0177"}
            """;

    private static PlatformUnderTest platform;
    private static Clock clock;
    /** The site's physician, signed in at the real authorization server: the one who decides. */
    private static String physician;

    private static PatientJourneys journeys;

    @BeforeAll
    static void sharePlatform(PlatformUnderTest shared) {
        platform = shared;
        clock = shared.clock();
        journeys = new PatientJourneys(shared, PATIENCE);
        // as the demo signs each site's physician in: authorization code with PKCE through the sign-in form
        physician = UserSignIn.accessToken(
                URI.create(platform.authServer().issuer()), PHYSICIAN, platform.authServer().demoPassword);
    }

    @Test
    void noInfusionIsBookedWhileThePatientIsHeldAndTheReleaseRebooksOneADayInPlanOrder() throws Exception {
        HttpResponse<String> site = platform.post("scheduling-service", "/api/sites", """
                {"id": "bos", "name": "Boston Back Bay", "timeZone": "America/New_York", "chairs": 4,
                 "clinicians": [{"id": "clinician-bos", "name": "Dr. Avery Lee", "role": "PHYSICIAN"},
                                {"id": "rn-kim", "name": "Jo Kim", "role": "NURSE"}]}
                """);
        assertThat(site.statusCode()).as(site.body()).isEqualTo(201);

        // a patient with an approved plan of 4 sessions, booked
        String firstRequest = approvedPlan(4);
        String patientId = request(firstRequest).path("patientId").asString();
        List<JsonNode> booked = await("the first plan's 4 sessions booked")
                .atMost(PATIENCE)
                .until(() -> infusions(patientId), list -> count(list, "SCHEDULED") == 4);
        String planOne = booked.get(0).path("planId").asString();

        // the first session begins; a grade 3 adverse event is reported during it and it is stopped
        JsonNode first = booked.stream()
                .min(Comparator.comparing(a -> a.path("sessionNumber").asInt()))
                .orElseThrow();
        String firstSession = first.path("id").asString();
        assertThat(LocalDate.ofInstant(Instant.parse(first.path("startsAt").asString()), BOSTON))
                .as("the first session is booked on the run's first day")
                .isEqualTo(LocalDate.ofInstant(clock.instant(), BOSTON));
        assertOk(platform.post("scheduling-service", "/api/appointments/" + firstSession + "/check-in", "{}"));
        assertOk(platform.post("scheduling-service", "/api/appointments/" + firstSession + "/start", "{}"));
        HttpResponse<String> reported = await("monitoring knows the session")
                .atMost(PATIENCE)
                .until(
                        () -> platform.post("monitoring-service", "/api/adverse-events", """
                                {"patientId": "%s", "siteId": "bos", "sessionId": "%s",
                                 "category": "EXCESSIVE_DISSOCIATION", "grade": 3, "onsetAt": "%s",
                                 "actionTaken": "INFUSION_STOPPED", "outcome": "RESOLVING"}
                                """.formatted(
                                        patientId, firstSession, clock.instant())),
                        response -> response.statusCode() != 404);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        assertThat(json.readTree(reported.body()).path("clinicalHoldPlaced").asBoolean())
                .isTrue();
        assertOk(platform.post(
                "scheduling-service",
                "/api/appointments/" + firstSession + "/stop",
                "{\"reason\": \"ADVERSE_EVENT\", \"infusionMinutes\": 0}"));

        // scheduling holds the sessions not begun
        await("scheduling holds sessions 2 to 4")
                .atMost(PATIENCE)
                .until(() -> infusions(patientId), list -> count(list, "ON_HOLD") == 3);
        assertNothingBookedFor(patientId);

        // a new plan approved at intake for the same patient while held: it waits, nothing is booked
        String secondRequest = approvedPlan(3);
        assertThat(request(secondRequest).path("patientId").asString())
                .as("intake finds the returning patient")
                .isEqualTo(patientId);
        JsonNode waiting = await("the new plan waits on the hold")
                .atMost(PATIENCE)
                .until(() -> waitingEntry(patientId, "SERIES"), entry -> entry != null);
        assertThat(waiting.path("reason").asString()).isEqualTo("PATIENT_ON_HOLD");
        assertNothingBookedFor(patientId);

        // a waiting-list retry: a site change retries the site's waiting list before it answers
        assertOk(platform.post("scheduling-service", "/api/sites/bos/chairs", "{\"id\": \"bos-9\"}"));
        JsonNode stillWaiting = waitingEntry(patientId, "SERIES");
        assertThat(stillWaiting).as("the plan still waits after the retry").isNotNull();
        assertThat(stillWaiting.path("reason").asString()).isEqualTo("PATIENT_ON_HOLD");
        assertNothingBookedFor(patientId);
        JsonNode hold =
                json.readTree(platform.get("monitoring-service", "/api/patients/" + patientId + "/clinical-hold")
                        .body());
        assertThat(hold.path("onHold").asBoolean()).as(hold.toString()).isTrue();

        // the site's physician releases the hold, signed in as herself
        HttpResponse<String> released = platform.post(
                "monitoring-service",
                "/api/patients/" + patientId + "/clinical-hold/release",
                "{\"reason\": \"Reviewed at the bedside; safe to resume the course\"}",
                physician);
        assertThat(released.statusCode()).as(released.body()).isBetween(200, 299);

        // the held sessions and the new plan are booked: one infusion a day, each plan in order
        List<JsonNode> after = await("held sessions and the new plan booked")
                .atMost(PATIENCE)
                .until(
                        () -> infusions(patientId),
                        list -> count(list, "ON_HOLD") == 0 && count(list, "SCHEDULED") == 6);
        assertThat(waitingEntry(patientId, null))
                .as("nothing of the patient still waits")
                .isNull();
        List<JsonNode> takingPlace = after.stream()
                .filter(a -> TAKES_PLACE.contains(a.path("status").asString()))
                .toList();
        assertThat(takingPlace).hasSize(7); // the stopped first session, 3 rebooked, 3 new
        Map<LocalDate, List<String>> byDay = takingPlace.stream()
                .collect(Collectors.groupingBy(
                        a -> LocalDate.ofInstant(
                                Instant.parse(a.path("startsAt").asString()), BOSTON),
                        Collectors.mapping(a -> a.path("id").asString(), Collectors.toList())));
        assertThat(byDay.values())
                .as("infusions per local day: %s", byDay)
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        Map<String, List<JsonNode>> byPlan = takingPlace.stream()
                .collect(Collectors.groupingBy(a -> a.path("planId").asString()));
        assertThat(byPlan).hasSize(2).containsKey(planOne);
        for (List<JsonNode> plan : byPlan.values()) {
            List<JsonNode> bySession = new ArrayList<>(plan);
            bySession.sort(Comparator.comparing(a -> a.path("sessionNumber").asInt()));
            List<Instant> starts = bySession.stream()
                    .map(a -> Instant.parse(a.path("startsAt").asString()))
                    .toList();
            assertThat(starts)
                    .as("plan %s in session order", plan.get(0).path("planId"))
                    .isSorted();
        }
        LocalDate firstDay = LocalDate.ofInstant(clock.instant(), BOSTON);
        assertThat(takingPlace.stream()
                        .filter(a -> a.path("status").asString().equals("SCHEDULED"))
                        .map(a -> LocalDate.ofInstant(
                                Instant.parse(a.path("startsAt").asString()), BOSTON)))
                .as("every session booked after the release falls after the stopped first one's day")
                .allSatisfy(day -> assertThat(day).isAfter(firstDay));
    }

    /** A consultation request of the test patient at bos taken to an approved plan; answers its id. */
    private static String approvedPlan(int sessions) throws Exception {
        return journeys.approvedPlan("bos", PATIENT, sessions, physician);
    }

    private static JsonNode request(String requestId) throws Exception {
        return json.readTree(platform.get("intake-service", "/api/consultation-requests/" + requestId)
                .body());
    }

    /** While the patient is held: none of their infusions is scheduled, checked in or in progress. */
    private static void assertNothingBookedFor(String patientId) throws Exception {
        assertThat(infusions(patientId))
                .as("infusions of the held patient")
                .noneMatch(a -> Set.of("SCHEDULED", "CHECKED_IN", "IN_PROGRESS")
                        .contains(a.path("status").asString()));
    }

    private static List<JsonNode> infusions(String patientId) throws Exception {
        return appointments(patientId, "INFUSION");
    }

    private static List<JsonNode> appointments(String patientId, String type) throws Exception {
        return journeys.appointments(patientId, type);
    }

    /** The patient's waiting-list entry of this kind (any kind when null), or null. */
    private static @Nullable JsonNode waitingEntry(String patientId, @Nullable String kind) throws Exception {
        HttpResponse<String> list = platform.get("scheduling-service", "/api/waiting-list?siteId=bos");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json.readTree(list.body())
                .valueStream()
                .filter(entry -> entry.path("patientId").asString().equals(patientId))
                .filter(entry -> kind == null || entry.path("kind").asString().equals(kind))
                .findFirst()
                .orElse(null);
    }

    private static long count(List<JsonNode> appointments, String status) {
        return appointments.stream()
                .filter(a -> a.path("status").asString().equals(status))
                .count();
    }

    private static void assertOk(HttpResponse<String> response) {
        PatientJourneys.assertOk(response);
    }
}
