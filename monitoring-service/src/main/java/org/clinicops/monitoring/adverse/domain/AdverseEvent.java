package org.clinicops.monitoring.adverse.domain;

import java.time.Instant;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.AdverseEventReported;
import org.clinicops.platform.outbox.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A side effect reported during a session, with its CTCAE grade. */
@Document("adverse_events")
@CompoundIndex(name = "site_onset", def = "{'siteId': 1, 'onsetAt': 1}")
public class AdverseEvent extends AggregateRoot {

    @Id
    private String id;

    @Version
    private @Nullable Long version;

    private String patientId;
    private String siteId;
    private String sessionId;
    private AdverseEventCategory category;
    private int grade;
    private boolean serious;
    private ActionTaken actionTaken;
    private AdverseEventOutcome outcome;
    private Instant onsetAt;
    private Instant reportedAt;

    AdverseEvent(
            String id,
            String patientId,
            String siteId,
            String sessionId,
            AdverseEventCategory category,
            int grade,
            boolean serious,
            ActionTaken actionTaken,
            AdverseEventOutcome outcome,
            Instant onsetAt,
            Instant reportedAt) {
        this.id = id;
        this.patientId = patientId;
        this.siteId = siteId;
        this.sessionId = sessionId;
        this.category = category;
        this.grade = grade;
        this.serious = serious;
        this.actionTaken = actionTaken;
        this.outcome = outcome;
        this.onsetAt = onsetAt;
        this.reportedAt = reportedAt;
    }

    /** Records the event and raises adverse-event-reported. */
    public static AdverseEvent report(
            String id,
            String patientId,
            String siteId,
            String sessionId,
            AdverseEventCategory category,
            int grade,
            ActionTaken actionTaken,
            AdverseEventOutcome outcome,
            Instant onsetAt,
            SeriousnessPolicy policy,
            String eventId,
            Instant now) {
        if (grade < 1 || grade > 5) {
            throw new IllegalArgumentException("CTCAE grade is 1 to 5");
        }
        AdverseEvent event = new AdverseEvent(
                id,
                patientId,
                siteId,
                sessionId,
                category,
                grade,
                policy.serious(grade),
                actionTaken,
                outcome,
                onsetAt,
                now);
        event.raise(
                new AdverseEventReported(
                        id,
                        sessionId,
                        patientId,
                        siteId,
                        category,
                        grade,
                        event.serious,
                        actionTaken.name(),
                        outcome.name(),
                        onsetAt,
                        now),
                eventId,
                now);
        return event;
    }

    public String id() {
        return id;
    }

    public String patientId() {
        return patientId;
    }

    public String siteId() {
        return siteId;
    }

    public String sessionId() {
        return sessionId;
    }

    public AdverseEventCategory category() {
        return category;
    }

    public int grade() {
        return grade;
    }

    public boolean serious() {
        return serious;
    }

    public ActionTaken actionTaken() {
        return actionTaken;
    }

    public AdverseEventOutcome outcome() {
        return outcome;
    }

    public Instant onsetAt() {
        return onsetAt;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}
