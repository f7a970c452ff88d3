package org.clinicops.demo;

/**
 * How often things happen, from ../shared/DOMAIN.md: about 5 % no-shows, a few late cancellations,
 * severe hypertension in roughly 1 in 100 sessions, side effects mostly mild (serious ones a little
 * more often than in life, 2 %, so that the demo shows stopped infusions and clinical holds).
 *
 * @param ineligible share of patients screened ineligible (a contraindication)
 * @param needsReview share needing physician review (accepted with an override)
 * @param noShow share of sessions the patient misses
 * @param lateCancellation share of sessions cancelled under 24 hours before the start
 * @param severeHypertension share of sessions with a reading above 200/120
 * @param mildSideEffect share of sessions with a grade 1-2 adverse event
 * @param seriousSideEffect share of sessions with a grade 3 adverse event (clinical hold)
 * @param stoppedEarly share of sessions stopped early without one (the patient asks, the pump fails)
 * @param assistance share of patients who ask for financial assistance
 * @param paysInFull share of invoices paid in full at once
 */
record DemoRates(
        double ineligible,
        double needsReview,
        double noShow,
        double lateCancellation,
        double severeHypertension,
        double mildSideEffect,
        double seriousSideEffect,
        double stoppedEarly,
        double assistance,
        double paysInFull) {

    static DemoRates typical() {
        return new DemoRates(0.10, 0.10, 0.05, 0.03, 0.01, 0.12, 0.02, 0.02, 0.25, 0.80);
    }
}
