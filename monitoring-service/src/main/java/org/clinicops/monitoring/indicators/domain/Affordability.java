package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What patients pay and what the clinic collects.
 *
 * @param outOfPocketPerSession the patient's share of each session, sorted
 * @param outOfPocketPerCourse the patient's share of each completed course, sorted
 * @param assistedPatients invoiced patients with financial assistance / invoiced patients
 * @param averageDiscount mean discount of the discounted invoices
 * @param discount discounts / invoice subtotals, in dollars
 * @param collection net payments / invoiced totals, in dollars
 * @param outstandingBalance invoiced totals not paid
 */
public record Affordability(
        List<BigDecimal> outOfPocketPerSession,
        List<BigDecimal> outOfPocketPerCourse,
        Ratio assistedPatients,
        BigDecimal averageDiscount,
        Ratio discount,
        Ratio collection,
        BigDecimal outstandingBalance) {}
