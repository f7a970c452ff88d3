package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What patients pay and what the clinic collects ({@link PatientShares} says what a patient pays).
 *
 * @param outOfPocketPerSession the patient's share of each session, sorted
 * @param outOfPocketPerCourse the patient's share of each completed course (its sessions and fees),
 *     sorted
 * @param assistedPatients invoiced patients with financial assistance / invoiced patients
 * @param averageDiscount discounts / discounted invoices, in dollars (prepaid sessions are no
 *     discount)
 * @param discount discounts / invoice subtotals, in dollars (prepaid sessions left out)
 * @param collection net payments / invoiced totals, in dollars
 * @param outstandingBalance invoiced totals not paid
 */
public record Affordability(
        List<BigDecimal> outOfPocketPerSession,
        List<BigDecimal> outOfPocketPerCourse,
        Ratio assistedPatients,
        Ratio averageDiscount,
        Ratio discount,
        Ratio collection,
        BigDecimal outstandingBalance) {

    /** Dollars paid for the sessions / sessions. */
    public Ratio outOfPocketPerSessionAverage() {
        return average(outOfPocketPerSession);
    }

    /** Dollars paid for the completed courses / completed courses. */
    public Ratio outOfPocketPerCourseAverage() {
        return average(outOfPocketPerCourse);
    }

    private static Ratio average(List<BigDecimal> amounts) {
        BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Ratio(sum.doubleValue(), amounts.size());
    }
}
