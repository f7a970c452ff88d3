package org.clinicops.intake.requests.application;

import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.StaffUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may decide to treat: a CLINICIAN (or an ADMIN) who holds the request's site. Every decision
 * goes through {@link DecideTreatment}, which asks here before it changes anything.
 */
final class DecisionAuthority {

    private DecisionAuthority() {}

    /**
     * @throws AccessDeniedException (403) when the user is no clinician or not of the site
     */
    static void require(StaffUser user, String siteId) {
        if (!user.hasAny(Role.CLINICIAN, Role.ADMIN)) {
            throw new AccessDeniedException("Only a clinician decides on treatment");
        }
        if (!user.canAccess(siteId)) {
            throw new AccessDeniedException("Site " + siteId + " is not one of your sites");
        }
    }
}
