package org.clinicops.billing;

import java.math.BigDecimal;
import java.time.Instant;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes test input events the way a producing service would. */
public final class TestEvents {

    private TestEvents() {}

    /** An approved IV infusion plan of six sessions for the condition at the site. */
    public static TreatmentPlanApproved planApproved(
            String planId, String requestId, String patientId, String siteId, Condition condition, Instant at) {
        return new TreatmentPlanApproved(
                planId,
                requestId,
                patientId,
                siteId,
                "dr-lee",
                condition,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                6,
                2,
                7,
                true,
                40,
                60,
                new BigDecimal("0.5"),
                new BigDecimal("35"),
                true,
                PayerType.OUT_OF_NETWORK,
                false,
                at);
    }

    public static void publish(KafkaTemplate<String, byte[]> kafka, ClinicEvent event, String eventId) {
        try {
            kafka.send(EventRecords.fromOwner(PendingEvent.of(event, eventId, Instant.parse("2026-03-16T15:00:00Z"))))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
