package org.clinicops.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.events.Condition;
import org.clinicops.events.EventJson;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.clinicops.platform.cloudevents.ForeignSourceException;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StaffClient;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.TopicProbe;
import org.clinicops.scheduling.booking.application.PatientHoldsRepository;
import org.clinicops.scheduling.booking.application.RetryWaitingList;
import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Clinical safety end to end (issue 16): clinical holds kept as state from monitoring's events (in
 * either order, only from monitoring), a plan approved during a hold that waits and is booked after
 * the release with its spacing, and every refusal of the booking gate on the API: a 409 naming the
 * rule, with nothing written.
 */
@ServiceIntegrationTest
class ClinicalSafetyIntegrationTest {

    private static final String ALWAYS_OPEN = """
            [{"day":"MONDAY","opens":"00:00","closes":"24:00"},{"day":"TUESDAY","opens":"00:00","closes":"24:00"},
             {"day":"WEDNESDAY","opens":"00:00","closes":"24:00"},{"day":"THURSDAY","opens":"00:00","closes":"24:00"},
             {"day":"FRIDAY","opens":"00:00","closes":"24:00"},{"day":"SATURDAY","opens":"00:00","closes":"24:00"},
             {"day":"SUNDAY","opens":"00:00","closes":"24:00"}]""";
    private static final String WEEKDAYS_8_TO_18 = """
            [{"day":"MONDAY","opens":"08:00","closes":"18:00"},{"day":"TUESDAY","opens":"08:00","closes":"18:00"},
             {"day":"WEDNESDAY","opens":"08:00","closes":"18:00"},{"day":"THURSDAY","opens":"08:00","closes":"18:00"},
             {"day":"FRIDAY","opens":"08:00","closes":"18:00"}]""";
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TestClock clock;

    @Autowired
    PatientHoldsRepository holds;

    @Autowired
    RetryWaitingList waitingList;

    private StaffClient api;

    /** A weekday morning at the sites (Los Angeles), whenever the suite runs. */
    @BeforeEach
    void aWeekdayMorningAtTheSites() {
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), LOS_ANGELES));
        api = new StaffClient(port);
    }

    @Test
    void aPlanApprovedDuringAHoldWaitsThroughARetryAndIsBookedAfterTheReleaseNeverTwoADay() throws Exception {
        createSite("hld", 3, ALWAYS_OPEN);
        publish(plan("plan_hold_a", "p_hold", "hld", 2), "evt_plan_hold_a");
        await().untilAsserted(() -> assertThat(infusions("p_hold")).hasSize(2));

        publish(new ClinicalHoldPlaced("hold_g3", "p_hold", "hld", "ae_g3", 3, clock.instant()), "evt_hold_g3");
        await().until(() -> held("p_hold"));
        await().untilAsserted(() -> assertThat(statuses("p_hold")).containsOnly("ON_HOLD"));

        publish(plan("plan_hold_b", "p_hold", "hld", 3), "evt_plan_hold_b");
        await().untilAsserted(() -> assertThat(waiting("hld")).anySatisfy(entry -> {
            assertThat(entry.get("id").asString()).isEqualTo("series:plan_hold_b");
            assertThat(entry.get("reason").asString()).isEqualTo("PATIENT_ON_HOLD");
        }));
        waitingList.retry(null);
        assertThat(statuses("p_hold"))
                .as("nothing is scheduled while the patient is held")
                .containsOnly("ON_HOLD");
        assertThat(infusions("p_hold")).hasSize(2);

        Instant releasedAt = clock.instant().plus(Duration.ofDays(1));
        clock.set(releasedAt);
        publish(
                new ClinicalHoldReleased(
                        "hold_g3", "p_hold", "hld", "dr", releasedAt.minus(Duration.ofDays(1)), releasedAt),
                "evt_release_g3");
        await().untilAsserted(() -> assertThat(infusions("p_hold"))
                .hasSize(5)
                .allSatisfy(s -> assertThat(s.get("status").asString()).isEqualTo("SCHEDULED")));

        List<JsonNode> sessions = infusions("p_hold");
        List<LocalDate> days =
                sessions.stream().map(ClinicalSafetyIntegrationTest::day).toList();
        assertThat(days).as("never two infusions of the patient on one day").doesNotHaveDuplicates();
        assertThat(sessions)
                .allSatisfy(s -> assertThat(Instant.parse(s.get("startsAt").asString()))
                        .isAfterOrEqualTo(releasedAt.truncatedTo(ChronoUnit.MINUTES)));
        for (String planId : List.of("plan_hold_a", "plan_hold_b")) {
            List<LocalDate> plan = sessions.stream()
                    .filter(s -> planId.equals(s.get("planId").asString()))
                    .sorted(Comparator.comparingInt(s -> s.get("sessionNumber").asInt()))
                    .map(ClinicalSafetyIntegrationTest::day)
                    .toList();
            for (int i = 1; i < plan.size(); i++) {
                assertThat(ChronoUnit.DAYS.between(plan.get(i - 1), plan.get(i)))
                        .as("%s sessions %d and %d keep the plan's 2-4 days", planId, i, i + 1)
                        .isBetween(2L, 4L);
            }
        }
        assertThat(waiting("hld"))
                .noneSatisfy(e -> assertThat(e.get("patientId").asString()).isEqualTo("p_hold"));
    }

    @Test
    void aReleaseProcessedBeforeItsPlacementLeavesThePatientNotHeldAndNothingOnHold() throws Exception {
        createSite("rel", 2, ALWAYS_OPEN);
        publish(plan("plan_rel", "p_rel", "rel", 2), "evt_plan_rel");
        await().untilAsserted(() -> assertThat(statuses("p_rel")).containsExactly("SCHEDULED", "SCHEDULED"));

        publish(
                new ClinicalHoldReleased("hold_early", "p_rel", "rel", "dr", clock.instant(), clock.instant()),
                "evt_release_early");
        await().until(() -> holds.findById("p_rel")
                .map(h -> h.holds().stream().anyMatch(x -> x.releasedAt() != null))
                .orElse(false));
        publish(new ClinicalHoldPlaced("hold_early", "p_rel", "rel", "ae_early", 3, clock.instant()), "evt_hold_early");
        await().until(() -> holds.findById("p_rel")
                .map(h -> h.holds().stream().anyMatch(x -> x.placedAt() != null))
                .orElse(false));

        assertThat(held("p_rel")).isFalse();
        assertThat(statuses("p_rel")).containsExactly("SCHEDULED", "SCHEDULED");
    }

    @Test
    void aSecondHoldKeepsThePatientHeldUntilBothAreReleased() throws Exception {
        createSite("two", 2, ALWAYS_OPEN);
        publish(plan("plan_two", "p_two_holds", "two", 2), "evt_plan_two");
        await().untilAsserted(() -> assertThat(infusions("p_two_holds")).hasSize(2));

        publish(new ClinicalHoldPlaced("hold_1st", "p_two_holds", "two", "ae_1", 3, clock.instant()), "evt_h1");
        publish(new ClinicalHoldPlaced("hold_2nd", "p_two_holds", "two", "ae_2", 4, clock.instant()), "evt_h2");
        await().until(() ->
                holds.findById("p_two_holds").map(h -> h.holds().size() == 2).orElse(false));
        publish(
                new ClinicalHoldReleased("hold_1st", "p_two_holds", "two", "dr", clock.instant(), clock.instant()),
                "evt_r1");
        await().until(() -> holds.findById("p_two_holds")
                .map(h -> h.holds().stream().anyMatch(x -> x.releasedAt() != null))
                .orElse(false));

        assertThat(held("p_two_holds")).isTrue();
        assertThat(statuses("p_two_holds")).containsOnly("ON_HOLD");

        publish(
                new ClinicalHoldReleased("hold_2nd", "p_two_holds", "two", "dr", clock.instant(), clock.instant()),
                "evt_r2");
        await().untilAsserted(() -> assertThat(statuses("p_two_holds")).containsOnly("SCHEDULED"));
    }

    @Test
    void aHoldEventFromAnotherServiceGoesToTheDeadLetterTopicAndChangesNothing() throws Exception {
        createSite("frg", 2, ALWAYS_OPEN);
        publish(plan("plan_forged", "p_forged", "frg", 1), "evt_plan_forged");
        await().untilAsserted(() -> assertThat(statuses("p_forged")).containsExactly("SCHEDULED"));

        PendingEvent forged = PendingEvent.of(
                new ClinicalHoldPlaced("hold_forged", "p_forged", "frg", "ae_forged", 4, clock.instant()),
                "evt_forged_hold",
                clock.instant());
        kafka.send(CloudEventRecords.toRecord(forged, CloudEventRecords.sourceOf("billing-service")));

        try (TopicProbe dlt = new TopicProbe(brokers, "clinic.clinical-hold-placed.dlt")) {
            ConsumerRecord<String, byte[]> refused =
                    dlt.await(r -> "evt_forged_hold".equals(TopicProbe.header(r, "ce_id")));
            assertThat(TopicProbe.header(refused, "kafka_dlt-exception-cause-fqcn"))
                    .isEqualTo(ForeignSourceException.class.getName());
        }
        assertThat(holds.findById("p_forged")).isEmpty();
        assertThat(statuses("p_forged")).containsExactly("SCHEDULED");
    }

    @Test
    void refusesAMoveThatBreaksThePlansSpacingOrOrderAndWritesNothing() throws Exception {
        createSite("spc", 3, ALWAYS_OPEN);
        publish(plan("plan_spc", "p_spc", "spc", 3), "evt_plan_spc");
        await().untilAsserted(() -> assertThat(infusions("p_spc")).hasSize(3));
        List<JsonNode> before = infusions("p_spc");
        JsonNode first = session(before, 1);
        JsonNode second = session(before, 2);
        JsonNode third = session(before, 3);
        String clinician = StaffClient.staff(Role.CLINICIAN, "spc");

        HttpResponse<String> tooClose = api.post(
                "/api/appointments/" + second.get("id").asString() + "/reschedule",
                startsAt(at(day(first).plusDays(1), 10)),
                clinician);
        assertRefused(tooClose, "SPACING");
        JsonNode alternatives = EventJson.mapper().readTree(tooClose.body()).get("alternatives");
        assertThat(alternatives).isNotEmpty();
        assertThat(alternatives).allSatisfy(alternative -> {
            LocalDate day =
                    Instant.parse(alternative.asString()).atZone(LOS_ANGELES).toLocalDate();
            assertThat(ChronoUnit.DAYS.between(day(first), day)).isBetween(2L, 4L);
            assertThat(day).isBefore(day(third));
        });

        assertRefused(
                api.post(
                        "/api/appointments/" + second.get("id").asString() + "/reschedule",
                        startsAt(at(day(third).plusDays(1), 10)),
                        clinician),
                "ORDER");
        assertRefused(
                api.post(
                        "/api/appointments/" + third.get("id").asString() + "/reschedule",
                        startsAt(at(day(second).plusDays(7), 10)),
                        clinician),
                "SPACING");

        assertThat(infusions("p_spc")).isEqualTo(before);
    }

    @Test
    void refusesASecondInfusionOnTheSameDayAndWritesNothing() throws Exception {
        createSite("day", 3, ALWAYS_OPEN);
        publish(plan("plan_day_a", "p_day", "day", 1), "evt_plan_day_a");
        await().untilAsserted(() -> assertThat(infusions("p_day")).hasSize(1));
        publish(plan("plan_day_b", "p_day", "day", 1), "evt_plan_day_b");
        await().untilAsserted(() -> assertThat(infusions("p_day")).hasSize(2));
        List<JsonNode> before = infusions("p_day");
        JsonNode a = before.stream()
                .filter(s -> "plan_day_a".equals(s.get("planId").asString()))
                .findFirst()
                .orElseThrow();
        JsonNode b = before.stream()
                .filter(s -> "plan_day_b".equals(s.get("planId").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(day(b)).as("the second plan is booked on another day").isNotEqualTo(day(a));

        assertRefused(
                api.post(
                        "/api/appointments/" + b.get("id").asString() + "/reschedule",
                        startsAt(Instant.parse(a.get("endsAt").asString()).plus(Duration.ofHours(1))),
                        StaffClient.staff(Role.CLINICIAN, "day")),
                "SAME_DAY");

        assertThat(infusions("p_day")).isEqualTo(before);
    }

    @Test
    void refusesAMoveWhoseObservationRunsPastClosingAndWritesNothing() throws Exception {
        createSite("hrs", 2, WEEKDAYS_8_TO_18);
        publish(plan("plan_hrs", "p_hrs", "hrs", 1), "evt_plan_hrs");
        await().untilAsserted(() -> assertThat(infusions("p_hrs")).hasSize(1));
        List<JsonNode> before = infusions("p_hrs");
        LocalDate today = clock.instant().atZone(LOS_ANGELES).toLocalDate();

        // 40 minutes of infusion and 120 of observation from 16:00 end at 18:40, after closing
        HttpResponse<String> late = api.post(
                "/api/appointments/" + before.get(0).get("id").asString() + "/reschedule",
                startsAt(at(today, 16)),
                StaffClient.staff(Role.CLINICIAN, "hrs"));
        assertRefused(late, "OUTSIDE_OPENING_HOURS");
        assertThat(EventJson.mapper().readTree(late.body()).get("alternatives")).isNotEmpty();

        assertThat(infusions("p_hrs")).isEqualTo(before);
    }

    @Test
    void refusesToMoveCheckInOrStartAnInfusionOfAHeldPatient() throws Exception {
        createSite("gte", 3, ALWAYS_OPEN);
        publish(plan("plan_gate", "p_gate", "gte", 2), "evt_plan_gate");
        await().untilAsserted(() -> assertThat(infusions("p_gate")).hasSize(2));
        List<JsonNode> sessions = infusions("p_gate");
        String firstId = session(sessions, 1).get("id").asString();
        String secondId = session(sessions, 2).get("id").asString();
        String nurse = StaffClient.staff(Role.NURSE, "gte");
        assertThat(api.post("/api/appointments/" + firstId + "/check-in", "", nurse)
                        .statusCode())
                .isEqualTo(200);
        // a hold recorded (by another instance, say) before this patient's sessions were put on hold
        PatientHolds recorded = PatientHolds.none("p_gate", clock.instant());
        recorded.place("hold_gate", "gte", clock.instant(), clock.instant());
        holds.save(recorded);
        List<JsonNode> before = infusions("p_gate");

        HttpResponse<String> moved = api.post(
                "/api/appointments/" + secondId + "/reschedule",
                startsAt(Instant.parse(session(sessions, 2).get("startsAt").asString())
                        .plus(Duration.ofHours(1))),
                StaffClient.staff(Role.CLINICIAN, "gte"));
        assertRefused(moved, "PATIENT_ON_HOLD");
        assertThat(EventJson.mapper().readTree(moved.body()).get("alternatives"))
                .isEmpty();
        assertRefused(api.post("/api/appointments/" + firstId + "/start", "", nurse), "PATIENT_ON_HOLD");
        clock.set(Instant.parse(session(sessions, 2).get("startsAt").asString()).minus(Duration.ofMinutes(30)));
        assertRefused(api.post("/api/appointments/" + secondId + "/check-in", "", nurse), "PATIENT_ON_HOLD");

        assertThat(infusions("p_gate")).isEqualTo(before);
    }

    @Test
    void closesCheckInHalfAnHourAfterTheStartLeavingRescheduleOrNoShow() throws Exception {
        createSite("chk", 2, ALWAYS_OPEN);
        publish(plan("plan_chk", "p_chk", "chk", 1), "evt_plan_chk");
        await().untilAsserted(() -> assertThat(infusions("p_chk")).hasSize(1));
        JsonNode session = infusions("p_chk").get(0);
        String id = session.get("id").asString();
        String nurse = StaffClient.staff(Role.NURSE, "chk");
        clock.set(Instant.parse(session.get("startsAt").asString()).plus(Duration.ofMinutes(31)));

        HttpResponse<String> late = api.post("/api/appointments/" + id + "/check-in", "", nurse);

        assertRefused(late, "CHECK_IN_CLOSED");
        assertThat(infusions("p_chk").get(0).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(api.post("/api/appointments/" + id + "/no-show", "", nurse).statusCode())
                .isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------

    private void assertRefused(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(EventJson.mapper().readTree(response.body()).get("code").asString())
                .isEqualTo(code);
    }

    private boolean held(String patientId) {
        return holds.findById(patientId).map(PatientHolds::held).orElse(false);
    }

    private static JsonNode session(List<JsonNode> sessions, int number) {
        return sessions.stream()
                .filter(s -> s.get("sessionNumber").asInt() == number)
                .findFirst()
                .orElseThrow();
    }

    private static LocalDate day(JsonNode session) {
        return Instant.parse(session.get("startsAt").asString())
                .atZone(LOS_ANGELES)
                .toLocalDate();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(LOS_ANGELES).toInstant();
    }

    private static String startsAt(Instant instant) {
        return "{\"startsAt\":\"" + instant + "\"}";
    }

    private List<JsonNode> infusions(String patientId) throws Exception {
        List<JsonNode> sessions = new ArrayList<>();
        get("/api/appointments?type=INFUSION&size=100&patientId=" + patientId)
                .get("content")
                .forEach(sessions::add);
        sessions.sort(Comparator.comparing((JsonNode s) -> s.get("id").asString()));
        return sessions;
    }

    private List<String> statuses(String patientId) throws Exception {
        return infusions(patientId).stream()
                .map(s -> s.get("status").asString())
                .toList();
    }

    private List<JsonNode> waiting(String siteId) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        get("/api/waiting-list?siteId=" + siteId).forEach(entries::add);
        return entries;
    }

    private TreatmentPlanApproved plan(String planId, String patientId, String siteId, int sessions) {
        return new TreatmentPlanApproved(
                planId,
                "req_" + planId,
                patientId,
                siteId,
                "dr",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                sessions,
                2,
                4,
                false,
                40,
                120,
                new BigDecimal("0.5"),
                new BigDecimal("35.0"),
                true,
                PayerType.SELF_PAY,
                false,
                clock.instant());
    }

    private void publish(ClinicEvent event, String eventId) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(event, eventId, clock.instant())));
    }

    private void createSite(String id, int chairs, String openingHours) throws Exception {
        HttpResponse<String> created = api.post(
                "/api/sites",
                """
                {"id":"%s","name":"Site %s","timeZone":"America/Los_Angeles","chairs":%d,"openingHours":%s,
                 "clinicians":[{"id":"%s-dr1","name":"Dr One","role":"PHYSICIAN"},
                               {"id":"%s-rn1","name":"Nurse One","role":"NURSE"}]}""".formatted(id, id, chairs, openingHours, id, id),
                TestTokens.of("operator", Role.OPERATOR, "*"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = api.get(path, TestTokens.admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StaffClient.json(response);
    }
}
