package org.clinicops.platform.patients;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The names one page may show: the pseudonyms intake answered for, or why there are none.
 *
 * @param names by pseudonym; an id intake did not answer for (unknown, or not the user's to see)
 *     is absent
 * @param unavailable why no names could be read, or null when intake answered
 */
public record PatientNames(
        Map<String, PatientName> names, @Nullable Unavailable unavailable) {

    /** Why a page shows pseudonyms only. */
    public enum Unavailable {
        /** Intake was down, slow or answered something other than the names. */
        INTAKE_DID_NOT_ANSWER("intake did not answer"),
        /** Intake refused the user's token (401) or the lookup (403). */
        INTAKE_REFUSED("intake refused the request; sign in again or ask for access"),
        /** The sign-in carries no access token to send to intake. */
        NO_ACCESS_TOKEN("no access token for this sign-in"),
        /** The user's role does not show patients' names. */
        ROLE_DOES_NOT_SHOW_NAMES("your role does not show patients' names");

        private final String reason;

        Unavailable(String reason) {
            this.reason = reason;
        }

        /** A short reason, free of patient data. */
        public String reason() {
            return reason;
        }
    }

    public PatientNames {
        names = Map.copyOf(names);
    }

    /** No pseudonym to look up: nothing to show and nothing to explain. */
    public static PatientNames none() {
        return new PatientNames(Map.of(), null);
    }

    /** No names, for the reason given. */
    public static PatientNames unavailable(Unavailable reason) {
        return new PatientNames(Map.of(), reason);
    }

    /** The patient, if intake answered for the pseudonym. */
    public Optional<PatientName> find(@Nullable String patientId) {
        return patientId == null ? Optional.empty() : Optional.ofNullable(names.get(patientId));
    }

    /** The name of the patient, or null (templates show the pseudonym alone then). */
    public @Nullable String nameOf(@Nullable String patientId) {
        return find(patientId).map(PatientName::displayName).orElse(null);
    }

    /** The notice a page shows ("Names unavailable: intake did not answer"), or null. */
    public @Nullable String notice() {
        return unavailable == null ? null : "Names unavailable: " + unavailable.reason();
    }

    /** Keeps names out of logs. */
    @Override
    public String toString() {
        return "PatientNames[" + names.size() + " names" + (unavailable == null ? "" : ", " + unavailable) + "]";
    }
}
