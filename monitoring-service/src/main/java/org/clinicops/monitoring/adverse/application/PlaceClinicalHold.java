package org.clinicops.monitoring.adverse.application;

import java.time.Clock;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.platform.change.ConcurrentChanges;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.stereotype.Service;

/**
 * Places a clinical hold of its own for each serious adverse event, also while the patient is held
 * already; the same event never places two.
 */
@Service
public class PlaceClinicalHold {

    private final ClinicalHoldRepository holds;
    private final IdGenerator ids;
    private final Clock clock;

    PlaceClinicalHold(ClinicalHoldRepository holds, IdGenerator ids, Clock clock) {
        this.holds = holds;
        this.ids = ids;
        this.clock = clock;
    }

    /** Answers whether a new hold was placed. */
    public boolean handle(PlaceClinicalHoldCommand command) {
        // the reporting request and the event listener may place it concurrently: read again
        return ConcurrentChanges.retry(ConcurrentChanges.CONSUMER_ATTEMPTS, "the patient's hold", () -> {
            ClinicalHold hold = holds.findById(command.patientId())
                    .orElseGet(() -> ClinicalHold.none(command.patientId(), command.siteId()));
            boolean placed = hold.place(
                    command.adverseEventId(),
                    command.siteId(),
                    command.grade(),
                    ids.next("hold_"),
                    ids.eventId(),
                    clock.instant());
            if (placed) {
                holds.save(hold);
            }
            return placed;
        });
    }
}
