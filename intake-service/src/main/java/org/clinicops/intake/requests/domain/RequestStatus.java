package org.clinicops.intake.requests.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a request stands. WITHDRAWN is reachable from every open status. */
public enum RequestStatus {
    REQUESTED,
    CONSULTATION_SCHEDULED,
    SCREENED,
    ACCEPTED,
    DECLINED,
    REFERRED_OUT,
    WITHDRAWN;

    static final Set<RequestStatus> OPEN = EnumSet.of(REQUESTED, CONSULTATION_SCHEDULED, SCREENED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
