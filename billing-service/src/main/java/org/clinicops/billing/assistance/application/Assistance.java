package org.clinicops.billing.assistance.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinicops.billing.BillingProperties;
import org.clinicops.billing.assistance.domain.AssistanceDecision;
import org.clinicops.billing.assistance.domain.AssistanceTier;
import org.clinicops.billing.assistance.domain.PovertyGuideline;
import org.clinicops.billing.assistance.domain.SlidingScale;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.stereotype.Service;

/** Sliding-scale policies per site and assistance decisions per patient. */
@Service
public class Assistance {

    private final AssistancePolicyRepository policies;
    private final AssistanceDecisionRepository decisions;
    private final BillingProperties properties;
    private final IdGenerator ids;
    private final BillingSites sites;
    private final Clock clock;

    Assistance(
            AssistancePolicyRepository policies,
            AssistanceDecisionRepository decisions,
            BillingProperties properties,
            IdGenerator ids,
            BillingSites sites,
            Clock clock) {
        this.policies = policies;
        this.decisions = decisions;
        this.properties = properties;
        this.ids = ids;
        this.sites = sites;
        this.clock = clock;
    }

    /** Records a decision for a patient. */
    public record Decide(
            String patientId,
            String siteId,
            int householdSize,
            BigDecimal householdIncome,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            String by) {}

    public AssistanceDecision handle(Decide command) {
        AssistanceDecision decision = AssistanceDecision.decide(
                ids.next("fa_"),
                command.patientId(),
                command.siteId(),
                command.householdSize(),
                command.householdIncome(),
                command.effectiveFrom(),
                command.effectiveTo(),
                scaleOf(command.siteId()),
                guideline(),
                command.by(),
                clock.instant());
        return decisions.insert(decision);
    }

    public List<AssistanceTier> policyOf(String siteId) {
        Optional<List<AssistanceTier>> stored = policies.tiersOf(siteId);
        if (stored.isPresent()) {
            return new SlidingScale(stored.get()).tiers();
        }
        return new SlidingScale(properties.defaultAssistanceTiers().stream()
                        .map(t -> new AssistanceTier(t.name(), t.maxPercentOfGuideline(), t.discountPercent()))
                        .toList())
                .tiers();
    }

    public List<AssistanceTier> replacePolicy(String siteId, List<AssistanceTier> tiers) {
        policies.replace(siteId, tiers, clock.instant());
        return policyOf(siteId);
    }

    public SlidingScale scaleOf(String siteId) {
        return new SlidingScale(policyOf(siteId));
    }

    public PovertyGuideline guideline() {
        return new PovertyGuideline(
                properties.povertyGuideline().firstPerson(),
                properties.povertyGuideline().eachAdditionalPerson());
    }

    public int guidelineYear() {
        return properties.povertyGuideline().year();
    }

    /** The latest decision that covers the day, if any. */
    public Optional<AssistanceDecision> activeOn(String patientId, LocalDate day) {
        return decisionsOf(patientId).stream().filter(d -> d.effectiveOn(day)).findFirst();
    }

    /** A patient's decisions, newest first. */
    public List<AssistanceDecision> decisionsOf(String patientId) {
        return decisions.ofPatient(patientId).stream()
                .sorted(Comparator.comparing(AssistanceDecision::decidedAt).reversed())
                .toList();
    }

    /**
     * Patients with a decision in effect at {@code now} (for the share-with-assistance metric): each
     * decision is judged on the day it is at its own site then, not on the day it is in UTC.
     */
    public long patientsAssistedAt(Instant now) {
        Map<String, LocalDate> dayAtSite = new HashMap<>();
        return decisions.all().stream()
                .filter(d -> d.discountPercent() > 0
                        && d.effectiveOn(dayAtSite.computeIfAbsent(
                                d.siteId(),
                                site -> now.atZone(sites.siteOrDefault(site).zone())
                                        .toLocalDate())))
                .map(AssistanceDecision::patientId)
                .distinct()
                .count();
    }
}
