package org.clinicops.intake.patients.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Household size and yearly income a patient gave one site when applying for financial assistance
 * there. It stays with that site: another site where the patient asks for a consultation does not
 * see it.
 */
public record SiteHousehold(String patientId, String siteId, int size, BigDecimal yearlyIncome, Instant recordedAt) {

    /** The most people in one household. */
    public static final int MAX_SIZE = 20;

    /**
     * @throws IllegalArgumentException naming the field first when a figure is out of range
     */
    public SiteHousehold {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("householdSize must be between 1 and " + MAX_SIZE);
        }
        if (yearlyIncome.signum() < 0) {
            throw new IllegalArgumentException("householdIncome must not be negative");
        }
    }
}
