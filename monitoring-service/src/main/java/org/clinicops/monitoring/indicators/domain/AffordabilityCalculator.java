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
import java.util.TreeSet;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Invoice;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Payment;

/** Affordability: what patients pay per session and per course, assistance, discounts, collection. */
final class AffordabilityCalculator {

    Affordability affordability(SiteFacts site, ClinicFacts facts) {
        List<BigDecimal> perSession = new ArrayList<>();
        Map<String, BigDecimal> byPlan = new HashMap<>();
        Set<String> invoicedPatients = new HashSet<>();
        Set<String> assistedPatients = new HashSet<>();
        BigDecimal discounts = BigDecimal.ZERO;
        long discounted = 0;
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        for (var entry : site.invoices) {
            Invoice invoice = entry.getValue();
            if (invoice.session()) {
                perSession.add(invoice.patientResponsibility());
                String plan = invoice.sourceId() == null ? null : facts.planOf(invoice.sourceId());
                if (plan != null) {
                    byPlan.merge(plan, BigDecimal.ZERO.add(invoice.patientResponsibility()), BigDecimal::add);
                }
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
        Set<String> completedCourses = new TreeSet<>();
        for (var session : site.completedInfusions) {
            if (session.getValue().courseCompleted()) {
                completedCourses.add(session.getValue().planId());
            }
        }
        List<BigDecimal> perCourse = new ArrayList<>();
        for (String plan : completedCourses) {
            perCourse.add(byPlan.getOrDefault(plan, BigDecimal.ZERO));
        }
        Collections.sort(perCourse);
        BigDecimal averageDiscount = discounted == 0
                ? BigDecimal.ZERO
                : discounts.divide(BigDecimal.valueOf(discounted), 2, RoundingMode.HALF_UP);
        BigDecimal collected = BigDecimal.ZERO;
        for (Payment payment : site.payments) {
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
