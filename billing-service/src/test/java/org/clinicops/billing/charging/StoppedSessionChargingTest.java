package org.clinicops.billing.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.EventJson;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A session stopped early is charged for what was given, by the same rule as a completed session,
 * once per appointment however the session-stopped and session-completed events arrive.
 */
@ServiceIntegrationTest
class StoppedSessionChargingTest {

    static final String STOPPED_TYPE = "clinic.session-stopped.v1";
    static final String COMPLETED_TYPE = "clinic.session-completed.v1";

    /** The contract's sample (STYLE rule 12): 15 minutes and 14.5 mg at bos, stopped for an adverse event. */
    static final SessionStopped SAMPLE = EventJson.read(sample("session-stopped"), SessionStopped.class);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void site() {
        // billing hears of the stop minutes after it happened
        clock.set(SAMPLE.stoppedAt().plus(Duration.ofMinutes(5)));
        api = new Api(port);
        TestEvents.publish(
                kafka,
                new SiteUpdated("bos", "Boston", "America/New_York", "USD", 6, List.of(), true, SAMPLE.stoppedAt()),
                "evt_site_bos");
        await().until(() -> api.get("/api/sites/bos/fee-schedule").status() == 200);
    }

    @Test
    void chargesTheContractSampleForWhatWasGivenWithTheStopReason() {
        TestEvents.publish(kafka, SAMPLE, "evt_stop_sample");

        await().until(() -> invoicesOf(SAMPLE.patientId()).size() == 1);
        Map<String, Object> invoice = invoicesOf(SAMPLE.patientId()).get(0);
        assertThat(invoice.get("source")).isEqualTo("SESSION");
        assertThat(invoice.get("sourceId")).isEqualTo(SAMPLE.appointmentId());
        assertThat(invoice.get("stopReason")).isEqualTo("ADVERSE_EVENT");
        assertThat(invoice.get("status")).isEqualTo("ISSUED");
        assertThat(lines(invoice)).containsExactly("96374x1=250.00", "J3490x1=45.00");
        assertThat(invoice.get("total")).isEqualTo("295.00");
        assertThat((List<Map<String, Object>>) invoice.get("history"))
                .extracting(h -> h.get("action") + " " + h.get("detail"))
                .contains("STOPPED session stopped early: ADVERSE_EVENT");
        String page = Api.rest(port)
                .get()
                .uri("/invoices/{id}", invoice.get("id"))
                .accept(MediaType.TEXT_HTML)
                .retrieve()
                .body(String.class);
        assertThat(page).contains("stopped early: <span class=\"stop-reason\">ADVERSE_EVENT</span>");
    }

    @Test
    void chargesARedeliveredOrReplayedStopOnce() {
        double appliedBefore = consumed(STOPPED_TYPE, "applied");
        double duplicatesBefore = consumed(STOPPED_TYPE, "duplicate");
        SessionStopped stopped = stopped("apt_stop_once", "p_stop_once", 91, "40");

        TestEvents.publish(kafka, stopped, "evt_stop_once_1");
        TestEvents.publish(kafka, stopped, "evt_stop_once_1"); // redelivery: same ce_id
        TestEvents.publish(kafka, stopped, "evt_stop_once_2"); // replay: new ce_id, same appointment

        await().until(() -> consumed(STOPPED_TYPE, "applied") >= appliedBefore + 2
                && consumed(STOPPED_TYPE, "duplicate") >= duplicatesBefore + 1);
        assertThat(invoicesOf("p_stop_once"))
                .singleElement()
                .satisfies(
                        i -> assertThat(lines(i)).containsExactly("96365x1=450.00", "96366x1=150.00", "J3490x1=45.00"))
                .satisfies(i -> assertThat(i.get("stopReason")).isEqualTo("TRANSFER"));
    }

    @Test
    void chargesAStoppedThenCompletedAppointmentOnceAsStopped() {
        double completedBefore = consumed(COMPLETED_TYPE, "applied");
        TestEvents.publish(kafka, stopped("apt_stop_first", "p_stop_first", 20, "14.5"), "evt_stop_first");
        await().until(() -> invoicesOf("p_stop_first").size() == 1);

        TestEvents.publish(kafka, completed("apt_stop_first", "p_stop_first", 100, "35"), "evt_completed_after_stop");

        await().until(() -> consumed(COMPLETED_TYPE, "applied") >= completedBefore + 1);
        assertThat(invoicesOf("p_stop_first"))
                .singleElement()
                .satisfies(i -> assertThat(lines(i)).containsExactly("96365x1=450.00", "J3490x1=45.00"))
                .satisfies(i -> assertThat(i.get("stopReason")).isEqualTo("TRANSFER"));
    }

    @Test
    void chargesACompletedThenStoppedAppointmentOnceAsCompleted() {
        double stoppedBefore = consumed(STOPPED_TYPE, "applied");
        TestEvents.publish(kafka, completed("apt_done_first", "p_done_first", 40, "35"), "evt_done_first");
        await().until(() -> invoicesOf("p_done_first").size() == 1);

        TestEvents.publish(kafka, stopped("apt_done_first", "p_done_first", 15, "10"), "evt_stop_after_done");

        await().until(() -> consumed(STOPPED_TYPE, "applied") >= stoppedBefore + 1);
        assertThat(invoicesOf("p_done_first"))
                .singleElement()
                .satisfies(i -> assertThat(lines(i)).containsExactly("96365x1=450.00", "J3490x1=45.00"))
                .satisfies(i -> assertThat(i.get("stopReason")).isNull());
    }

    @Test
    void chargesNothingForAStopBeforeAnythingWasGivenNorForALaterCompletionOfIt() {
        double completedBefore = consumed(COMPLETED_TYPE, "applied");
        double stoppedBefore = consumed(STOPPED_TYPE, "applied");
        TestEvents.publish(kafka, stopped("apt_stop_zero", "p_stop_zero", 0, "0"), "evt_stop_zero");
        await().until(() -> consumed(STOPPED_TYPE, "applied") >= stoppedBefore + 1);

        TestEvents.publish(kafka, completed("apt_stop_zero", "p_stop_zero", 40, "35"), "evt_completed_zero");

        await().until(() -> consumed(COMPLETED_TYPE, "applied") >= completedBefore + 1);
        assertThat(invoicesOf("p_stop_zero")).isEmpty();
    }

    @Test
    void coversAStoppedSessionFromAPrepaidSeriesPackageLikeACompletedOne() {
        var sold = api.post(
                "/api/patients/p_stop_series/series-packages",
                Map.of("siteId", "bos", "sessions", 2, "price", "1800.00"));
        assertThat(sold.status()).isEqualTo(201);

        TestEvents.publish(kafka, stopped("apt_stop_series", "p_stop_series", 30, "20"), "evt_stop_series");

        await().until(() -> invoicesOf("p_stop_series").size() == 2);
        assertThat(invoicesOf("p_stop_series"))
                .extracting(i -> i.get("source") + " " + i.get("status") + " " + i.get("patientResponsibility"))
                .containsExactlyInAnyOrder("SERIES_PACKAGE ISSUED 1800.00", "SESSION PAID 0.00");
        List<Map<String, Object>> packages = Api.rest(port)
                .get()
                .uri("/api/patients/p_stop_series/series-packages")
                .retrieve()
                .body(List.class);
        assertThat(packages)
                .singleElement()
                .satisfies(p -> assertThat(p.get("remaining")).isEqualTo(1));
    }

    @Test
    void appliesTheAssistanceDecisionToAStoppedSession() {
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_stop_fa",
                        "p_stop_assisted",
                        "bos",
                        Condition.TREATMENT_RESISTANT_DEPRESSION,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        SAMPLE.stoppedAt()),
                "evt_stop_fa_req");
        await().until(() -> api.get("/api/patients/p_stop_assisted/account").status() == 200);
        var decision = api.post(
                "/api/patients/p_stop_assisted/assistance-decisions",
                Map.of(
                        "householdSize", 3,
                        "householdIncome", "40000",
                        "effectiveFrom", "2026-03-01",
                        "effectiveTo", "2026-08-31"));
        assertThat(decision.status()).isEqualTo(201);

        TestEvents.publish(kafka, stopped("apt_stop_fa", "p_stop_assisted", 16, "14.5"), "evt_stop_fa");

        await().until(() -> invoicesOf("p_stop_assisted").size() == 1);
        Map<String, Object> invoice = invoicesOf("p_stop_assisted").get(0);
        assertThat(invoice.get("subtotal")).isEqualTo("495.00");
        assertThat(invoice.get("discount")).isEqualTo("247.50");
        assertThat(invoice.get("patientResponsibility")).isEqualTo("247.50");
        assertThat(invoice.get("assistanceTier")).isEqualTo("B");
    }

    /** The sample, for another appointment and patient, stopped on transfer after these minutes and mg. */
    static SessionStopped stopped(String appointmentId, String patientId, int minutes, String doseMg) {
        return new SessionStopped(
                appointmentId,
                SAMPLE.planId(),
                patientId,
                SAMPLE.siteId(),
                SAMPLE.chairId(),
                SAMPLE.sessionNumber(),
                SAMPLE.sessionsTotal(),
                SAMPLE.protocol(),
                SAMPLE.route(),
                SessionStopped.Reason.TRANSFER,
                new BigDecimal(doseMg),
                minutes,
                SAMPLE.stoppedAt().minusSeconds(minutes * 60L),
                SAMPLE.stoppedAt());
    }

    static SessionCompleted completed(String appointmentId, String patientId, int minutes, String doseMg) {
        Instant completedAt = SAMPLE.stoppedAt();
        return new SessionCompleted(
                appointmentId,
                SAMPLE.planId(),
                patientId,
                SAMPLE.siteId(),
                SAMPLE.chairId(),
                SAMPLE.sessionNumber(),
                SAMPLE.sessionsTotal(),
                SAMPLE.protocol(),
                SAMPLE.route(),
                new BigDecimal(doseMg),
                minutes,
                60,
                null,
                null,
                false,
                completedAt.minusSeconds(minutes * 60L),
                completedAt);
    }

    List<Map<String, Object>> invoicesOf(String patientId) {
        return api.get("/api/invoices?patientId=" + patientId).get("content");
    }

    static List<String> lines(Map<String, Object> invoice) {
        return ((List<Map<String, Object>>) invoice.get("lines"))
                .stream()
                        .map(l -> l.get("code") + "x" + l.get("units") + "=" + l.get("amount"))
                        .toList();
    }

    double consumed(String type, String outcome) {
        return meters.find("clinic.events.consumed").tag("type", type).tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static byte[] sample(String event) {
        try (InputStream in = StoppedSessionChargingTest.class
                .getClassLoader()
                .getResourceAsStream("events/" + event + ".v1.sample.json")) {
            assertThat(in).as("sample of " + event).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
