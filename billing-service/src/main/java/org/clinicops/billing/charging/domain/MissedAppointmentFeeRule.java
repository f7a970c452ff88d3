package org.clinicops.billing.charging.domain;

import java.util.Optional;
import org.clinicops.events.InfusionCancelled;

/**
 * A no-show bills the schedule's NO-SHOW fee; a late cancellation (under 24 h) the LATE-CANCEL fee,
 * unless the clinic caused it (clinic request, clinical hold) or the session is only put on hold.
 */
public final class MissedAppointmentFeeRule {

    public static final String NO_SHOW = "NO-SHOW";
    public static final String LATE_CANCEL = "LATE-CANCEL";

    public ChargeItem noShow() {
        return new ChargeItem(NO_SHOW, 1);
    }

    public Optional<ChargeItem> cancellation(boolean late, boolean onHold, InfusionCancelled.Reason reason) {
        boolean clinicCaused =
                reason == InfusionCancelled.Reason.CLINIC_REQUEST || reason == InfusionCancelled.Reason.CLINICAL_HOLD;
        if (!late || onHold || clinicCaused) {
            return Optional.empty();
        }
        return Optional.of(new ChargeItem(LATE_CANCEL, 1));
    }
}
