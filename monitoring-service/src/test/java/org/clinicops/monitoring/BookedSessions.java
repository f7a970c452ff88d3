package org.clinicops.monitoring;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.Protocol;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.monitoring.sessions.domain.SessionStatus;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Makes sessions known to monitoring the way production does: scheduling's infusion events,
 * published on their topics as scheduling publishes them, then waits until monitoring has them.
 */
public final class BookedSessions {

    private static final AtomicInteger EVENTS = new AtomicInteger();

    private final KafkaTemplate<String, byte[]> kafka;
    private final InfusionSessionRepository sessions;

    public BookedSessions(KafkaTemplate<String, byte[]> kafka, InfusionSessionRepository sessions) {
        this.kafka = kafka;
        this.sessions = sessions;
    }

    /** Publishes an event as the owner of its topic (scheduling for infusion events). */
    public void publish(ClinicEvent event, Instant at) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(event, "evt_booked_" + EVENTS.incrementAndGet(), at)));
    }

    /**
     * Books each session (infusion-scheduled, booked a week before) to start at {@code startsAt},
     * and waits until monitoring knows them all.
     *
     * @param sessions triples of session id, patient id and site id
     */
    public void book(Instant startsAt, String... sessions) {
        if (sessions.length % 3 != 0) {
            throw new IllegalArgumentException("session, patient and site for each session");
        }
        for (int i = 0; i < sessions.length; i += 3) {
            publish(
                    new InfusionScheduled(
                            sessions[i],
                            "plan_" + sessions[i],
                            sessions[i + 1],
                            sessions[i + 2],
                            "chair_1",
                            1,
                            6,
                            Protocol.DEPRESSION_INDUCTION,
                            startsAt,
                            startsAt.plus(Duration.ofHours(2)),
                            startsAt.minus(Duration.ofDays(7))),
                    startsAt.minus(Duration.ofDays(7)));
        }
        for (int i = 0; i < sessions.length; i += 3) {
            String id = sessions[i];
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> this.sessions.findById(id).isPresent());
        }
    }

    /** Cancels a booked session (on hold: waiting for a clinical hold), and waits until monitoring has it. */
    public void cancel(
            String sessionId, String patientId, String siteId, Instant startsAt, boolean onHold, Instant at) {
        publish(
                new InfusionCancelled(
                        sessionId,
                        "plan_" + sessionId,
                        patientId,
                        siteId,
                        1,
                        startsAt,
                        onHold ? InfusionCancelled.Reason.CLINICAL_HOLD : InfusionCancelled.Reason.PATIENT_REQUEST,
                        false,
                        onHold,
                        at),
                at);
        awaitStatus(sessionId, onHold ? SessionStatus.ON_HOLD : SessionStatus.CANCELLED);
    }

    public void awaitStatus(String sessionId, SessionStatus status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sessions.findById(sessionId)
                        .map(s -> s.status() == status)
                        .orElse(false));
    }
}
