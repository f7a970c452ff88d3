package org.clinicops.intake.plans.application;

import java.util.Map;
import java.util.Set;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.StaffUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may decide to treat: the signed-in user, never a name in the request body. When intake knows
 * the site's physicians (from site-updated), only one of them, matched by the user's name in the
 * token; when the site names none, a CLINICIAN of the site. Every decision goes through {@link
 * DecideTreatment}, which asks here before it changes anything.
 */
final class DecisionAuthority {

    /** 409 code: the site names its physicians and the user is not one of them. */
    static final String NOT_A_SITE_PHYSICIAN = "NOT_A_SITE_PHYSICIAN";
    /** 409 code: the site names no physicians and the user does not hold the CLINICIAN role. */
    static final String NOT_A_CLINICIAN = "NOT_A_CLINICIAN";

    private DecisionAuthority() {}

    /**
     * @param sitePhysicians the site's physicians as intake knows them; empty when unknown
     * @throws AccessDeniedException (403) when the site is not one of the user's
     * @throws ConflictException (409) when the user is not a physician (or, without a list, not a
     *     clinician) of the site
     */
    static void require(StaffUser user, String siteId, Set<String> sitePhysicians) {
        if (!user.canAccess(siteId)) {
            throw new AccessDeniedException("Site " + siteId + " is not one of your sites");
        }
        if (!sitePhysicians.isEmpty()) {
            if (!sitePhysicians.contains(user.username())) {
                throw new ConflictException(
                        NOT_A_SITE_PHYSICIAN,
                        "the decision to treat is made by a physician of site " + siteId + ", and " + user.username()
                                + " is not one of its physicians",
                        Map.of("siteId", siteId));
            }
            return;
        }
        if (!user.has(Role.CLINICIAN)) {
            throw new ConflictException(
                    NOT_A_CLINICIAN,
                    "the decision to treat is made by a clinician of site " + siteId + ", and " + user.username()
                            + " does not hold the CLINICIAN role",
                    Map.of("siteId", siteId));
        }
    }
}
