package org.clinicops.monitoring.adverse.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.platform.outbox.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A patient's clinical holds: while any is active, the patient's future sessions must not go ahead.
 * One document per patient. Every serious adverse event places a hold of its own (own {@code
 * holdId}, own clinical-hold-placed), also while the patient is already held, so that scheduling,
 * which keeps holds by id, holds everything booked in between; every event it has seen is
 * remembered, so the same event never places a hold twice (not even after a release). A release
 * releases every active hold of the patient, with one clinical-hold-released per hold.
 */
@Document("clinical_holds")
public class ClinicalHold extends AggregateRoot {

    @Id
    private String patientId;

    @Version
    private @Nullable Long version;

    /** The site of the most recently placed hold. */
    private String siteId;

    private List<ActiveHold> activeHolds = new ArrayList<>();
    private List<String> adverseEventIds = new ArrayList<>();
    private List<HoldRelease> releases = new ArrayList<>();

    // A document written while a patient had one hold at most keeps its active hold in these
    // fields; it moves to activeHolds the first time the document is used (see upgraded()).
    private boolean active;
    private @Nullable String holdId;
    private @Nullable String adverseEventId;
    private int grade;
    private @Nullable Instant placedAt;

    ClinicalHold(String patientId, String siteId) {
        this.patientId = patientId;
        this.siteId = siteId;
    }

    public static ClinicalHold none(String patientId, String siteId) {
        return new ClinicalHold(patientId, siteId);
    }

    /**
     * Places a hold of its own for a serious adverse event, whether or not the patient is held
     * already.
     *
     * @return whether a new hold was placed (false when this event placed one before)
     */
    public boolean place(
            String adverseEventId, String siteId, int grade, String newHoldId, String eventId, Instant now) {
        upgraded();
        if (adverseEventIds.contains(adverseEventId)) {
            return false;
        }
        adverseEventIds.add(adverseEventId);
        activeHolds.add(new ActiveHold(newHoldId, adverseEventId, siteId, grade, now));
        this.siteId = siteId;
        raise(new ClinicalHoldPlaced(newHoldId, patientId, siteId, adverseEventId, grade, now), eventId, now);
        return true;
    }

    /**
     * A clinician resumes treatment: every active hold is released, each with its own
     * clinical-hold-released. The reason stays in this service.
     *
     * @param eventIds a new event id for each release
     * @return the releases made
     * @throws NoActiveHoldException when no hold is active
     */
    public List<HoldRelease> release(String clinicianId, String reason, Supplier<String> eventIds, Instant now) {
        upgraded();
        if (activeHolds.isEmpty()) {
            throw new NoActiveHoldException(patientId);
        }
        List<HoldRelease> made = new ArrayList<>();
        for (ActiveHold hold : activeHolds) {
            HoldRelease release = new HoldRelease(
                    hold.holdId(),
                    hold.adverseEventId(),
                    hold.grade(),
                    hold.placedAt(),
                    clinicianId,
                    reason,
                    now,
                    hold.siteId());
            releases.add(release);
            made.add(release);
            raise(
                    new ClinicalHoldReleased(
                            hold.holdId(), patientId, hold.siteId(), clinicianId, hold.placedAt(), now),
                    eventIds.get(),
                    now);
        }
        activeHolds.clear();
        return made;
    }

    /** Moves the hold of a document written before one hold per event into the active holds. */
    private void upgraded() {
        if (active && holdId != null && adverseEventId != null && placedAt != null) {
            String legacyHold = holdId;
            if (activeHolds.stream().noneMatch(h -> h.holdId().equals(legacyHold))) {
                activeHolds.add(0, new ActiveHold(holdId, adverseEventId, siteId, grade, placedAt));
            }
        }
        active = false;
        holdId = null;
        adverseEventId = null;
        grade = 0;
        placedAt = null;
    }

    public String patientId() {
        return patientId;
    }

    /** The site of the most recently placed hold. */
    public String siteId() {
        return siteId;
    }

    /** Whether any hold is active: the patient must not be treated. */
    public boolean active() {
        return !activeHolds().isEmpty();
    }

    /** The holds not released yet, oldest first. */
    public List<ActiveHold> activeHolds() {
        upgraded();
        return List.copyOf(activeHolds);
    }

    /** The sites where the active holds were placed. */
    public Set<String> activeSites() {
        Set<String> sites = new LinkedHashSet<>();
        activeHolds().forEach(h -> sites.add(h.siteId()));
        return sites;
    }

    /** Every released hold, with who released it and why. */
    public List<HoldRelease> releases() {
        return List.copyOf(releases);
    }

    /**
     * Every hold of the patient, active ones first, then released ones, each in the order placed. A
     * release recorded before holds kept their site is shown at the site of the latest hold.
     */
    public List<HoldRecord> holds() {
        List<HoldRecord> all = new ArrayList<>();
        activeHolds().stream()
                .sorted(Comparator.comparing(ActiveHold::placedAt))
                .forEach(h -> all.add(new HoldRecord(
                        h.holdId(), patientId, h.siteId(), h.adverseEventId(), h.grade(), h.placedAt(), null)));
        releases.stream()
                .sorted(Comparator.comparing(HoldRelease::placedAt))
                .forEach(r -> all.add(new HoldRecord(
                        r.holdId(),
                        patientId,
                        r.siteId() == null ? siteId : r.siteId(),
                        r.adverseEventId(),
                        r.grade(),
                        r.placedAt(),
                        r.releasedAt())));
        return all;
    }

    /** The most recently placed hold, active or released. */
    public Optional<LatestHold> latestHold() {
        Optional<LatestHold> latestActive = activeHolds().stream()
                .max(Comparator.comparing(ActiveHold::placedAt))
                .map(h -> new LatestHold(h.holdId(), h.adverseEventId(), h.grade(), h.placedAt(), true));
        if (latestActive.isPresent()) {
            return latestActive;
        }
        return releases.stream()
                .max(Comparator.comparing(HoldRelease::placedAt))
                .map(r -> new LatestHold(r.holdId(), r.adverseEventId(), r.grade(), r.placedAt(), false));
    }

    /** A hold as the summary of a patient's holds names it. */
    public record LatestHold(String holdId, String adverseEventId, int grade, Instant placedAt, boolean active) {}
}
