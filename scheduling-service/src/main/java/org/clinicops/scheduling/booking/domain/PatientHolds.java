package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The clinical holds of one patient, kept from the hold events: one entry per {@code holdId} with
 * its site, when it was placed and when it was released. Placement and release travel on different
 * topics and are applied in either order: a release that arrives first is remembered, and the
 * placement that follows it is not active. Applying the same event twice changes nothing. The
 * patient is held while any hold is placed and not released.
 */
@Document("patient_holds")
public class PatientHolds {

    /** One hold: placed, released, or (release first) released before its placement arrived. */
    public record Hold(
            String holdId,
            String siteId,
            @Nullable Instant placedAt,
            @Nullable Instant releasedAt) {

        public boolean active() {
            return placedAt != null && releasedAt == null;
        }
    }

    @Id
    private String patientId;

    @Version
    private @Nullable Long version;

    private List<Hold> holds;
    private Instant updatedAt;

    PatientHolds(String patientId, List<Hold> holds, Instant updatedAt) {
        this.patientId = patientId;
        this.holds = List.copyOf(holds);
        this.updatedAt = updatedAt;
    }

    /** A patient of whom no hold is known. */
    public static PatientHolds none(String patientId, Instant now) {
        return new PatientHolds(patientId, List.of(), now);
    }

    /** Records the placement of a hold; answers whether anything changed. */
    public boolean place(String holdId, String siteId, Instant placedAt, Instant now) {
        Optional<Hold> known = find(holdId);
        if (known.isPresent() && known.get().placedAt() != null) {
            return false;
        }
        Instant released = known.map(Hold::releasedAt).orElse(null);
        replace(new Hold(holdId, siteId, placedAt, released), now);
        return true;
    }

    /** Records the release of a hold, also before its placement arrives; answers whether anything changed. */
    public boolean release(String holdId, String siteId, Instant releasedAt, Instant now) {
        Optional<Hold> known = find(holdId);
        if (known.isPresent() && known.get().releasedAt() != null) {
            return false;
        }
        Instant placed = known.map(Hold::placedAt).orElse(null);
        String site = known.map(Hold::siteId).orElse(siteId);
        replace(new Hold(holdId, site, placed, releasedAt), now);
        return true;
    }

    /** Whether any hold of the patient is active. */
    public boolean held() {
        return holds.stream().anyMatch(Hold::active);
    }

    public String patientId() {
        return patientId;
    }

    public List<Hold> holds() {
        return holds;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    private Optional<Hold> find(String holdId) {
        return holds.stream().filter(h -> h.holdId().equals(holdId)).findFirst();
    }

    private void replace(Hold hold, Instant now) {
        List<Hold> next = new ArrayList<>(
                holds.stream().filter(h -> !h.holdId().equals(hold.holdId())).toList());
        next.add(hold);
        this.holds = List.copyOf(next);
        this.updatedAt = now;
    }
}
