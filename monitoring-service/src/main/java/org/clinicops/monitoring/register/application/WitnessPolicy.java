package org.clinicops.monitoring.register.application;

import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;

/**
 * Who may witness a waste: a second licensed member of staff (NURSE or CLINICIAN) of the site, who
 * is not the one recording it, as their own sign-in says. Refusals are 400 naming {@code witness}.
 */
public final class WitnessPolicy {

    private WitnessPolicy() {}

    /** The witness's username, or 400. */
    public static String admit(@Nullable StaffUser witness, String siteId, String recorder) {
        if (witness == null) {
            throw new InvalidRequestException(
                    "witness",
                    "a waste needs a witness: a second nurse or clinician confirms it with their own sign-in");
        }
        if (!witness.hasAny(Role.NURSE, Role.CLINICIAN)) {
            throw new InvalidRequestException("witness", "the witness must be a nurse or a clinician");
        }
        if (!witness.canAccess(siteId)) {
            throw new InvalidRequestException("witness", "the witness must work at site " + siteId);
        }
        if (witness.username().equals(recorder)) {
            throw new InvalidRequestException(
                    "witness", "the witness must be another licensed member of staff, not the one recording");
        }
        return witness.username();
    }
}
