package org.clinicops.monitoring.adverse.application;

import java.time.Clock;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.monitoring.adverse.domain.NoActiveHoldException;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.stereotype.Service;

/**
 * A clinician releases a patient's clinical hold so treatment can resume; only a clinician of the
 * site where the hold was placed may.
 */
@Service
public class ReleaseClinicalHold {

    private final ClinicalHoldRepository holds;
    private final IdGenerator ids;
    private final Clock clock;

    ReleaseClinicalHold(ClinicalHoldRepository holds, IdGenerator ids, Clock clock) {
        this.holds = holds;
        this.ids = ids;
        this.clock = clock;
    }

    public record Command(String patientId, String clinicianId, String reason) {}

    public ClinicalHold handle(Command command) {
        ClinicalHold hold = holds.findById(command.patientId()).orElse(null);
        try {
            if (hold == null) {
                throw new NoActiveHoldException(command.patientId());
            }
            SiteAccess.require(hold.siteId());
            hold.release(command.clinicianId(), command.reason(), ids.eventId(), clock.instant());
        } catch (NoActiveHoldException e) {
            throw new ConflictException("no-clinical-hold", e.getMessage());
        }
        holds.save(hold);
        return hold;
    }
}
