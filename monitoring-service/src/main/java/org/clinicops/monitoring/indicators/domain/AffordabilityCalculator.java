package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Invoice;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Payment;

/**
 * Affordability: what patients pay per session and per course, assistance, discounts, collection. In
 * a window: an invoice (and what was paid on it) by its issue time, a course by the end of its last
 * session.
 */
final class AffordabilityCalculator {

    Affordability affordability(SiteFacts site, ClinicFacts facts, Window window, long now) {
        List<BigDecimal> perSession = new ArrayList<>();
        Map<String, BigDecimal> byPlan = new HashMap<>();
        Set<String> invoicedPatients = new HashSet<>();
        Set<String> assistedPatients = new HashSet<>();
        BigDecimal discounts = BigDecimal.ZERO;
        long discounted = 0;
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        Set<String> invoicesInWindow = new HashSet<>();
        for (var entry : site.invoices) {
            Invoice invoice = entry.getValue();
            if (invoice.session() && invoice.sourceId() != null) {
                // a course's sessions count whenever they were invoiced: the course is in the window
                String plan = facts.planOf(invoice.sourceId());
                if (plan != null) {
                    byPlan.merge(plan, BigDecimal.ZERO.add(invoice.patientResponsibility()), BigDecimal::add);
                }
            }
            if (!window.contains(invoice.issuedAt(), now)) {
                continue;
            }
            invoicesInWindow.add(entry.getKey());
            if (invoice.session()) {
                perSession.add(invoice.patientResponsibility());
            }
            invoicedPatients.add(invoice.patientId());
            if (invoice.assisted()) {
                assistedPatients.add(invoice.patientId());
            }
            if (invoice.discount().signum() > 0) {
                discounts = discounts.add(invoice.discount());
                discounted++;
            }
            subtotal = subtotal.add(invoice.subtotal());
            billed = billed.add(invoice.total());
        }
        Collections.sort(perSession);
        Map<String, Long> completedCourses = new TreeMap<>(); // plan → end of its last session
        for (var session : site.completedInfusions) {
            CompletedInfusion s = session.getValue();
            completedCourses.merge(s.planId(), s.completedAt(), Math::max);
        }
        Set<String> courseCompleted = new HashSet<>();
        site.completedInfusions.forEach(s -> {
            if (s.getValue().courseCompleted()) {
                courseCompleted.add(s.getValue().planId());
            }
        });
        List<BigDecimal> perCourse = new ArrayList<>();
        completedCourses.forEach((plan, endedAt) -> {
            if (courseCompleted.contains(plan) && window.contains(endedAt, now)) {
                perCourse.add(byPlan.getOrDefault(plan, BigDecimal.ZERO));
            }
        });
        Collections.sort(perCourse);
        BigDecimal averageDiscount = discounted == 0
                ? BigDecimal.ZERO
                : discounts.divide(BigDecimal.valueOf(discounted), 2, RoundingMode.HALF_UP);
        BigDecimal collected = BigDecimal.ZERO;
        for (Payment payment : site.payments) {
            Invoice paid = facts.invoices.get(payment.invoiceId());
            boolean inWindow = paid != null && paid.siteId().equals(site.siteId)
                    ? invoicesInWindow.contains(payment.invoiceId())
                    : window.contains(payment.receivedAt(), now); // on an invoice not known here: when paid
            if (!inWindow) {
                continue;
            }
            collected = payment.refund() ? collected.subtract(payment.amount()) : collected.add(payment.amount());
        }
        return new Affordability(
                List.copyOf(perSession),
                List.copyOf(perCourse),
                new Ratio(assistedPatients.size(), invoicedPatients.size()),
                averageDiscount,
                new Ratio(discounts.doubleValue(), subtotal.doubleValue()),
                new Ratio(collected.doubleValue(), billed.doubleValue()),
                billed.subtract(collected));
    }
}
