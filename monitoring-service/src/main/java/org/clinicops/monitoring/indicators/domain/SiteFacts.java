package org.clinicops.monitoring.indicators.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.AdverseEvent;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Alert;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CancelledInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedConsultation;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Hold;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Invoice;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.MissedInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Payment;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Request;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.ScheduledConsultation;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.ScheduledInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.StoppedInfusion;

/**
 * One site's business objects, gathered in one pass over the whole state, each with its natural id
 * where a calculator needs it. The calculators read a site's figures from here, and what belongs to
 * no single site (plans, screenings, declines) from {@link ClinicFacts}.
 */
final class SiteFacts {

    final String siteId;
    final List<Map.Entry<String, Request>> requests = new ArrayList<>();
    final List<Map.Entry<String, ScheduledConsultation>> scheduledConsultations = new ArrayList<>();
    final List<Map.Entry<String, CompletedConsultation>> completedConsultations = new ArrayList<>();
    final List<Map.Entry<String, ScheduledInfusion>> scheduledInfusions = new ArrayList<>();
    final List<Map.Entry<String, CancelledInfusion>> cancelledInfusions = new ArrayList<>();
    final List<Map.Entry<String, MissedInfusion>> missedInfusions = new ArrayList<>();
    final List<Map.Entry<String, CompletedInfusion>> completedInfusions = new ArrayList<>();
    final List<Map.Entry<String, StoppedInfusion>> stoppedInfusions = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();
    final List<AdverseEvent> adverseEvents = new ArrayList<>();
    final List<Map.Entry<String, Hold>> holds = new ArrayList<>();
    final List<Map.Entry<String, Invoice>> invoices = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();

    private SiteFacts(String siteId) {
        this.siteId = siteId;
    }

    /** Every known site's facts (a site named by any event has an entry, maybe empty). */
    static Map<String, SiteFacts> bySite(ClinicFacts facts) {
        Map<String, SiteFacts> bySite = new HashMap<>();
        facts.sites.forEach(site -> bySite.put(site, new SiteFacts(site)));
        facts.requests
                .entrySet()
                .forEach(e -> of(bySite, e.getValue().siteId()).requests.add(e));
        facts.scheduledConsultations
                .entrySet()
                .forEach(e ->
                        of(bySite, e.getValue().siteId()).scheduledConsultations.add(e));
        facts.completedConsultations
                .entrySet()
                .forEach(e ->
                        of(bySite, e.getValue().siteId()).completedConsultations.add(e));
        facts.scheduledInfusions
                .entrySet()
                .forEach(e ->
                        of(bySite, e.getValue().siteId()).scheduledInfusions.add(e));
        facts.cancelledInfusions
                .entrySet()
                .forEach(e ->
                        of(bySite, e.getValue().siteId()).cancelledInfusions.add(e));
        facts.missedInfusions
                .entrySet()
                .forEach(e -> of(bySite, e.getValue().siteId()).missedInfusions.add(e));
        facts.completedInfusions
                .entrySet()
                .forEach(e ->
                        of(bySite, e.getValue().siteId()).completedInfusions.add(e));
        facts.stoppedInfusions
                .entrySet()
                .forEach(e -> of(bySite, e.getValue().siteId()).stoppedInfusions.add(e));
        facts.alerts.values().forEach(a -> of(bySite, a.siteId()).alerts.add(a));
        facts.adverseEvents
                .values()
                .forEach(a -> of(bySite, a.siteId()).adverseEvents.add(a));
        facts.holds
                .entrySet()
                .forEach(e -> of(bySite, e.getValue().siteId()).holds.add(e));
        facts.invoices
                .entrySet()
                .forEach(e -> of(bySite, e.getValue().siteId()).invoices.add(e));
        facts.payments.values().forEach(p -> of(bySite, p.siteId()).payments.add(p));
        return bySite;
    }

    private static SiteFacts of(Map<String, SiteFacts> bySite, String site) {
        SiteFacts s = bySite.get(site);
        return s == null ? new SiteFacts(site) : s; // every fact's site is known: never the case
    }
}
