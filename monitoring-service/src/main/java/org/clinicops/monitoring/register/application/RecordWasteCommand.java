package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;

/**
 * A waste of drug: of a session (drawn and not given) or straight from stock (no session; a reason
 * is then required), confirmed by a witness who signed in themselves.
 *
 * @param recordedBy who records the waste: the signed-in nurse (API), or the nurse who asked the
 *     witness (page, confirmed by the witness's own sign-in)
 * @param witness the witness as their own sign-in describes them; null when none was given
 */
public record RecordWasteCommand(
        String siteId,
        @Nullable String sessionId,
        String lotId,
        BigDecimal mg,
        @Nullable String reason,
        String recordedBy,
        @Nullable StaffUser witness) {}
