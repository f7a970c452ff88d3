package org.clinicops.monitoring.adverse.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.platform.outbox.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A patient's clinical hold: while active, the patient's future sessions must not go ahead. One
 * document per patient; every serious adverse event it has seen is remembered, so the same event
 * never places a hold twice (not even after a release).
 */
@Document("clinical_holds")
public class ClinicalHold extends AggregateRoot {

    @Id
    private String patientId;

    @Version
    private @Nullable Long version;

    private String siteId;
    private boolean active;
    private @Nullable String holdId;
    private @Nullable String adverseEventId;
    private int grade;
    private @Nullable Instant placedAt;
    private List<String> adverseEventIds = new ArrayList<>();
    private List<HoldRelease> releases = new ArrayList<>();

    ClinicalHold(String patientId, String siteId) {
        this.patientId = patientId;
        this.siteId = siteId;
    }

    public static ClinicalHold none(String patientId, String siteId) {
        return new ClinicalHold(patientId, siteId);
    }

    /**
     * Places the patient on hold because of a serious adverse event.
     *
     * @return whether a new hold was placed (false when this event was seen before or a hold is
     *     already active)
     */
    public boolean place(
            String adverseEventId, String siteId, int grade, String newHoldId, String eventId, Instant now) {
        if (adverseEventIds.contains(adverseEventId)) {
            return false;
        }
        adverseEventIds.add(adverseEventId);
        if (active) {
            return false;
        }
        this.active = true;
        this.holdId = newHoldId;
        this.adverseEventId = adverseEventId;
        this.siteId = siteId;
        this.grade = grade;
        this.placedAt = now;
        raise(new ClinicalHoldPlaced(newHoldId, patientId, siteId, adverseEventId, grade, now), eventId, now);
        return true;
    }

    /** A clinician resumes treatment; the reason stays in this service. */
    public void release(String clinicianId, String reason, String eventId, Instant now) {
        if (!active || holdId == null || placedAt == null || adverseEventId == null) {
            throw new NoActiveHoldException(patientId);
        }
        releases.add(new HoldRelease(holdId, adverseEventId, grade, placedAt, clinicianId, reason, now));
        raise(new ClinicalHoldReleased(holdId, patientId, siteId, clinicianId, placedAt, now), eventId, now);
        active = false;
    }

    public String patientId() {
        return patientId;
    }

    public String siteId() {
        return siteId;
    }

    public boolean active() {
        return active;
    }

    public @Nullable String holdId() {
        return holdId;
    }

    public @Nullable String adverseEventId() {
        return adverseEventId;
    }

    public int grade() {
        return grade;
    }

    public @Nullable Instant placedAt() {
        return placedAt;
    }

    public List<HoldRelease> releases() {
        return List.copyOf(releases);
    }
}
