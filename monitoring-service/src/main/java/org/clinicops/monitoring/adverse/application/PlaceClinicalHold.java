package org.clinicops.monitoring.adverse.application;

import java.time.Clock;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Places a clinical hold of its own for each serious adverse event, also while the patient is held
 * already; the same event never places two.
 */
@Service
public class PlaceClinicalHold {

    private static final int ATTEMPTS = 3;

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
        for (int attempt = 1; ; attempt++) {
            try {
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
            } catch (OptimisticLockingFailureException | DuplicateKeyException raced) {
                // the reporting request and the event listener placed it concurrently: read again
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
