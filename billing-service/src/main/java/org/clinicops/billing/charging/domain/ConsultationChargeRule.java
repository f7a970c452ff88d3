package org.clinicops.billing.charging.domain;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A completed new-patient consultation bills 99204 (or 99205 when only that is priced) only where
 * the site's schedule prices it: the first consultation is free at most clinics.
 */
public final class ConsultationChargeRule {

    public static final String NEW_PATIENT_MODERATE = "99204";
    public static final String NEW_PATIENT_HIGH = "99205";

    public Optional<ChargeItem> codeFor(Predicate<String> sitePrices) {
        if (sitePrices.test(NEW_PATIENT_MODERATE)) {
            return Optional.of(new ChargeItem(NEW_PATIENT_MODERATE, 1));
        }
        if (sitePrices.test(NEW_PATIENT_HIGH)) {
            return Optional.of(new ChargeItem(NEW_PATIENT_HIGH, 1));
        }
        return Optional.empty();
    }
}
