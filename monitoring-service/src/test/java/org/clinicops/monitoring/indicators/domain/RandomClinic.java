package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.AdverseEventReported;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.PatientScreened;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SymptomScale;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.events.VitalsAlertRaised;

/** Random but coherent clinic activity: requests, consultations, plans, sessions, bills, safety events. */
public final class RandomClinic {
    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String BASE64 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";

    private final Random random;
    private final int sites;
    private final List<ClinicEvent> events = new ArrayList<>();
    private int next;

    public RandomClinic(Random random, int sites) {
        this.random = random;
        this.sites = sites;
    }

    public static String eventId(Random random) {
        StringBuilder id = new StringBuilder("evt_");
        for (int i = 0; i < 16; i++) {
            id.append(BASE64.charAt(random.nextInt(64)));
        }
        return id.toString();
    }

    String id(String prefix) {
        return prefix + (next++);
    }

    String site() {
        return "site_" + random.nextInt(sites);
    }

    Instant at(double maxDays) {
        return T0.plusMillis((long) (random.nextDouble() * maxDays * 86_400_000L));
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    BigDecimal money() {
        return BigDecimal.valueOf(random.nextInt(60_000), 2);
    }

    public List<RecordedEvent> events(int patients) {
        for (int s = 0; s < sites; s++) {
            for (int u = 0; u < 1 + random.nextInt(2); u++) {
                events.add(new SiteUpdated(
                        "site_" + s,
                        "Site",
                        pick(new String[] {"Europe/Berlin", "America/Chicago", "Nowhere/Else"}),
                        "USD",
                        4,
                        List.of(),
                        true,
                        at(5)));
            }
        }
        List<String> patientIds = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            patientIds.add(id("p_"));
        }
        for (String patient : patientIds) {
            patient(patient);
        }
        List<RecordedEvent> recorded = new ArrayList<>();
        for (ClinicEvent event : events) {
            String id = random.nextInt(5) == 0 ? id("other-id-") : eventId(random);
            recorded.add(new RecordedEvent(id, at(60), event));
        }
        return recorded;
    }

    void patient(String patient) {
        String site = site();
        int requests = 1 + (random.nextInt(5) == 0 ? 1 : 0);
        for (int r = 0; r < requests; r++) {
            String requestId = id("req_");
            Instant requestedAt = at(60);
            Condition condition = pick(Condition.values());
            boolean urgent = random.nextInt(4) == 0;
            if (random.nextInt(12) != 0) {
                events.add(new ConsultationRequested(
                        requestId,
                        patient,
                        site,
                        condition,
                        ReferralSource.SELF,
                        pick(PayerType.values()),
                        urgent,
                        requestedAt));
            }
            if (random.nextInt(6) == 0) {
                events.add(new TreatmentDeclined(
                        requestId,
                        patient,
                        site,
                        "cl",
                        TreatmentDeclined.Decision.DECLINED,
                        "X",
                        requestedAt.plusSeconds(86_400)));
                continue;
            }
            int consultations = random.nextInt(3);
            for (int c = 0; c < consultations; c++) {
                String apt = id("apt_");
                Instant startsAt = requestedAt.plusSeconds(random.nextInt(10 * 86_400) - 86_400);
                events.add(new ConsultationScheduled(
                        apt,
                        requestId,
                        patient,
                        site,
                        "cl",
                        random.nextInt(5) == 0,
                        requestedAt,
                        startsAt,
                        startsAt.plusSeconds(3600),
                        requestedAt.plusSeconds(60)));
                if (random.nextBoolean()) {
                    events.add(new ConsultationCompleted(
                            apt, requestId, patient, site, "cl", startsAt, startsAt.plusSeconds(3600)));
                }
            }
            for (int s = 0; s < random.nextInt(3); s++) {
                events.add(screening(
                        requestId, patient, site, condition, requestedAt.plusSeconds(random.nextInt(5 * 86_400))));
            }
            if (consultations > 0 && random.nextInt(3) > 0) {
                plan(requestId, patient, random.nextInt(8) == 0 ? site() : site, condition, requestedAt);
            }
        }
    }

    PatientScreened screening(String requestId, String patient, String site, Condition condition, Instant at) {
        return new PatientScreened(
                requestId,
                patient,
                site,
                condition,
                random.nextInt(12) == 0 ? 28 + random.nextInt(60) : random.nextInt(28), // some off the scale
                "BAND",
                false,
                null,
                null,
                null,
                null,
                true,
                PatientScreened.Eligibility.ELIGIBLE,
                List.of(),
                false,
                at);
    }

    void plan(String requestId, String patient, String site, Condition condition, Instant requestedAt) {
        String planId = id("plan_");
        Protocol protocol = pick(Protocol.values());
        Instant approvedAt = requestedAt.plusSeconds(random.nextInt(20 * 86_400));
        if (random.nextInt(6) != 0) {
            events.add(new TreatmentPlanApproved(
                    planId,
                    requestId,
                    patient,
                    site,
                    "cl",
                    condition,
                    protocol,
                    Route.IV_INFUSION,
                    4,
                    1,
                    7,
                    true,
                    40,
                    80,
                    new BigDecimal("0.5"),
                    new BigDecimal("35"),
                    true,
                    pick(PayerType.values()),
                    false,
                    approvedAt));
        }
        if (random.nextInt(6) == 0) {
            events.add(
                    screening(id("req_"), patient, site, condition, approvedAt.minusSeconds(random.nextInt(86_400))));
        }
        int sessions = random.nextInt(5);
        boolean completes = random.nextBoolean();
        for (int n = 1; n <= sessions; n++) {
            String apt = id("apt_");
            Instant startsAt = approvedAt.plusSeconds(n * 3L * 86_400 + random.nextInt(86_400));
            events.add(new InfusionScheduled(
                    apt,
                    planId,
                    patient,
                    site,
                    "chair",
                    n,
                    sessions,
                    protocol,
                    startsAt,
                    startsAt.plusSeconds(7200),
                    approvedAt));
            int outcome = random.nextInt(10);
            if (outcome == 0) {
                boolean hold = random.nextInt(3) == 0; // put on hold: released, rebooked, completed
                events.add(new InfusionCancelled(
                        apt,
                        planId,
                        patient,
                        site,
                        n,
                        startsAt,
                        hold ? InfusionCancelled.Reason.CLINICAL_HOLD : InfusionCancelled.Reason.OTHER,
                        random.nextBoolean(),
                        hold,
                        startsAt.minusSeconds(3600)));
                if (!hold) {
                    continue;
                }
            }
            if (outcome == 1) {
                events.add(new PatientNoShow(apt, planId, patient, site, n, startsAt, startsAt));
                continue;
            }
            if (outcome == 2) {
                events.add(new SessionStopped(
                        apt,
                        planId,
                        patient,
                        site,
                        "chair",
                        n,
                        sessions,
                        protocol,
                        Route.IV_INFUSION,
                        pick(SessionStopped.Reason.values()),
                        new BigDecimal("12.5"),
                        random.nextInt(40),
                        startsAt,
                        startsAt.plusSeconds(1200)));
                if (random.nextBoolean()) {
                    adverseEvent(apt, patient, site, startsAt);
                }
                continue;
            }
            boolean phq9 = random.nextInt(4) > 0;
            events.add(new SessionCompleted(
                    apt,
                    planId,
                    patient,
                    site,
                    "chair",
                    n,
                    sessions,
                    protocol,
                    Route.IV_INFUSION,
                    new BigDecimal("35"),
                    40,
                    80,
                    phq9 ? SymptomScale.PHQ9 : pick(SymptomScale.values()),
                    random.nextInt(5) == 0 ? null : score(),
                    completes && n == sessions,
                    startsAt,
                    startsAt.plusSeconds(7200 + random.nextInt(600))));
            if (random.nextInt(4) > 0) {
                invoice(apt, patient, site, startsAt);
            }
            if (random.nextInt(8) == 0) {
                adverseEvent(apt, patient, site, startsAt);
            }
            if (random.nextInt(8) == 0) {
                events.add(new VitalsAlertRaised(
                        id("alr_"),
                        apt,
                        patient,
                        site,
                        pick(new String[] {"SPO2_LOW", "BP_SEVERE", "RR_LOW"}),
                        120,
                        80,
                        80,
                        95,
                        14,
                        startsAt,
                        startsAt));
            }
        }
        if (random.nextInt(5) == 0) {
            invoice(null, patient, site, approvedAt);
        }
    }

    /** A PHQ-9 session score; now and then one off the scale (a producer's error), to be ignored. */
    int score() {
        return random.nextInt(12) == 0 ? 28 + random.nextInt(60) : random.nextInt(28);
    }

    void adverseEvent(String apt, String patient, String site, Instant startsAt) {
        String ae = id("ae_");
        events.add(new AdverseEventReported(
                ae,
                apt,
                patient,
                site,
                pick(AdverseEventCategory.values()),
                1 + random.nextInt(6),
                false,
                "OBS",
                "RESOLVED",
                startsAt,
                startsAt));
        if (random.nextBoolean()) {
            String hold = id("hold_");
            events.add(new ClinicalHoldPlaced(hold, patient, site, ae, 3, startsAt));
            if (random.nextBoolean()) {
                events.add(new ClinicalHoldReleased(hold, patient, site, "cl", startsAt, startsAt.plusSeconds(86_400)));
            }
        }
    }

    void invoice(String apt, String patient, String site, Instant at) {
        String invoiceId = id("inv_");
        BigDecimal subtotal = money();
        boolean prepaid = apt != null && random.nextInt(6) == 0; // a session a package covers
        BigDecimal discount =
                prepaid ? subtotal : random.nextBoolean() ? BigDecimal.ZERO : subtotal.divide(BigDecimal.TEN);
        BigDecimal total = subtotal.subtract(discount);
        events.add(new InvoiceIssued(
                invoiceId,
                patient,
                site,
                pick(PayerType.values()),
                apt == null ? pick(InvoiceIssued.Source.values()) : InvoiceIssued.Source.SESSION,
                apt,
                "USD",
                List.of(),
                subtotal,
                discount,
                total,
                random.nextBoolean() ? total : total.divide(BigDecimal.valueOf(2)),
                !prepaid && random.nextInt(4) == 0,
                at));
        for (int p = 0; p < random.nextInt(3); p++) {
            events.add(new PaymentReceived(
                    id("pay_"),
                    invoiceId,
                    patient,
                    site,
                    random.nextInt(5) == 0 ? PaymentReceived.Kind.REFUND : PaymentReceived.Kind.PAYMENT,
                    random.nextInt(3) == 0 ? PaymentReceived.Method.INSURANCE : PaymentReceived.Method.CARD,
                    money(),
                    "USD",
                    BigDecimal.ZERO,
                    at.plusSeconds(3600)));
        }
    }
}
