package org.clinicops.monitoring.adverse.application;

import java.time.Clock;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.monitoring.adverse.domain.NoActiveHoldException;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A clinician releases a patient's clinical holds so treatment can resume: every active hold, each
 * with its own clinical-hold-released. The releasing clinician is the signed-in user (a CLINICIAN or
 * an ADMIN), never a name from the request, and she must hold the site of every active hold (else
 * 403 and nothing is released). A patient with no active hold is a 409, so a release is never
 * published twice for a hold.
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

    /** Release the patient's holds, for this reason (it stays in monitoring). */
    public record Command(String patientId, String reason) {}

    public ClinicalHold handle(Command command) {
        Audit.patient(command.patientId());
        StaffUser clinician = SiteAccess.currentUser();
        if (!clinician.hasAny(Role.CLINICIAN, Role.ADMIN)) {
            throw new AccessDeniedException("Only a clinician releases a clinical hold");
        }
        ClinicalHold hold = holds.findById(command.patientId()).orElse(null);
        if (hold != null && !hold.active()) {
            SiteAccess.require(hold.siteId()); // another site's patient: 403, as for an active hold
        }
        if (hold == null || !hold.active()) {
            throw new ConflictException(
                    "no-clinical-hold", new NoActiveHoldException(command.patientId()).getMessage());
        }
        hold.activeSites().forEach(SiteAccess::require);
        hold.release(clinician.username(), command.reason(), ids::eventId, clock.instant());
        holds.save(hold);
        return hold;
    }
}
