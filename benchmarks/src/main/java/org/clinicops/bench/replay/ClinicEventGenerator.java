package org.clinicops.bench.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.clinicops.events.ConsultationCancelled;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationNoShow;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.ControlledSubstanceDiscrepancy;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InfusionRescheduled;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.InvoiceAdjusted;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.InvoiceVoided;
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
import org.clinicops.events.VitalsAlertClosed;
import org.clinicops.events.VitalsAlertRaised;
import org.clinicops.events.VitalsRecorded;

/**
 * Realistic clinic activity as the services would publish it, generated patient by patient: a
 * consultation request (sometimes withdrawn), its consultation (checked in and held, or cancelled or
 * missed), screening, then a treatment plan (or a decline) and an infusion series with completed and
 * stopped sessions, cancellations, no-shows and reschedules, invoices (some adjusted for assistance
 * after issue, a few voided) and payments, vitals readings, vitals alerts raised and closed, adverse
 * events and clinical holds. Ids have the platform's form (a prefix and 16 URL-safe characters); the
 * same seed gives the same events.
 */
public final class ClinicEventGenerator {

    /** One generated event with its CloudEvents id and time. */
    public record Generated(String id, Instant time, ClinicEvent event) {}

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";
    private static final Condition[] CONDITIONS = Condition.values();
    private static final AdverseEventCategory[] CATEGORIES = AdverseEventCategory.values();
    private static final String[] ZONES = {
        "America/Chicago", "America/New_York", "America/Denver", "America/Los_Angeles"
    };
    private static final String[] RULES = {"BP_HIGH_REPEATED", "BP_SEVERE", "HEART_RATE_SUSTAINED", "SPO2_LOW"};
    private static final long DAY = 86_400;

    private final Random random;
    private final int sites;
    private final Instant start;
    private final List<Generated> pending = new ArrayList<>();
    private int siteUpdatesLeft;

    /** Activity over the year before {@code now} at {@code sites} sites. */
    public ClinicEventGenerator(long seed, int sites, Instant now) {
        this.random = new Random(seed);
        this.sites = Math.max(1, sites);
        this.start = now.minusSeconds(365 * DAY);
        this.siteUpdatesLeft = this.sites;
    }

    /** The next event. */
    public Generated next() {
        if (pending.isEmpty()) {
            if (siteUpdatesLeft > 0) {
                siteUpdatesLeft--;
                int s = sites - 1 - siteUpdatesLeft;
                add(
                        start,
                        new SiteUpdated(
                                siteId(s),
                                "Clinic " + s,
                                ZONES[s % ZONES.length],
                                "USD",
                                6 + s % 5,
                                List.of(new SiteUpdated.Clinician("cl_site" + s, SiteUpdated.ClinicianRole.PHYSICIAN)),
                                true,
                                start));
            } else {
                patient();
            }
        }
        return pending.remove(pending.size() - 1);
    }

    private void add(Instant time, ClinicEvent event) {
        pending.add(0, new Generated(id("evt_"), time, event));
    }

    static String siteId(int index) {
        return "site_" + index;
    }

    String id(String prefix) {
        char[] id = new char[prefix.length() + 16];
        prefix.getChars(0, prefix.length(), id, 0);
        long a = random.nextLong();
        long b = random.nextLong();
        for (int i = 0; i < 16; i++) {
            long bits = i < 10 ? a >>> (6 * i) : b >>> (6 * (i - 10));
            id[prefix.length() + i] = ALPHABET.charAt((int) (bits & 63));
        }
        return new String(id);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private BigDecimal dollars(int min, int max) {
        return BigDecimal.valueOf(min + random.nextInt(max - min + 1)).setScale(2);
    }

    private void patient() {
        String site = siteId(random.nextInt(sites));
        String clinician = "cl_" + site;
        String patient = id("p_");
        String request = id("req_");
        Condition condition = pick(CONDITIONS);
        PayerType payer =
                chance(0.6) ? PayerType.SELF_PAY : chance(0.7) ? PayerType.INSURANCE : PayerType.OUT_OF_NETWORK;
        boolean urgent = condition == Condition.SUICIDAL_IDEATION || chance(0.05);
        Instant requestedAt = start.plusSeconds((long) (random.nextDouble() * 330 * DAY));
        add(
                requestedAt,
                new ConsultationRequested(
                        request, patient, site, condition, pick(ReferralSource.values()), payer, urgent, requestedAt));
        if (chance(0.04)) {
            Instant withdrawnAt = requestedAt.plusSeconds(DAY + random.nextInt(3600));
            add(
                    withdrawnAt,
                    new ConsultationRequestWithdrawn(
                            request,
                            patient,
                            site,
                            chance(0.5) ? ConsultationRequestWithdrawn.Reason.TREATED_ELSEWHERE : null,
                            withdrawnAt));
            return; // withdrawn before a consultation was booked
        }
        if (chance(0.1)) {
            return; // still waiting
        }
        String consultation = id("apt_");
        Instant consultAt =
                requestedAt.plusSeconds((urgent ? 1 : 2 + random.nextInt(12)) * DAY + random.nextInt(8) * 3600L);
        Instant scheduledAt = requestedAt.plusSeconds(60 + random.nextInt(600));
        add(
                scheduledAt,
                new ConsultationScheduled(
                        consultation,
                        request,
                        patient,
                        site,
                        clinician,
                        urgent,
                        requestedAt,
                        consultAt,
                        consultAt.plusSeconds(3600),
                        scheduledAt));
        double end = random.nextDouble();
        if (end < 0.03) {
            Instant withdrawnAt = scheduledAt.plusSeconds(3600);
            add(withdrawnAt, new ConsultationRequestWithdrawn(request, patient, site, null, withdrawnAt));
            add(
                    withdrawnAt.plusSeconds(5),
                    new ConsultationCancelled(
                            consultation,
                            request,
                            patient,
                            site,
                            clinician,
                            consultAt,
                            ConsultationCancelled.Reason.REQUEST_WITHDRAWN,
                            false,
                            withdrawnAt.plusSeconds(5)));
            return;
        } else if (end < 0.05) {
            add(
                    consultAt.minusSeconds(3 * 3600L),
                    new ConsultationCancelled(
                            consultation,
                            request,
                            patient,
                            site,
                            clinician,
                            consultAt,
                            ConsultationCancelled.Reason.PATIENT_REQUEST,
                            true,
                            consultAt.minusSeconds(3 * 3600L)));
            return;
        } else if (end < 0.08) {
            add(
                    consultAt.plusSeconds(2400),
                    new ConsultationNoShow(
                            consultation, request, patient, site, clinician, consultAt, consultAt.plusSeconds(2400)));
            return;
        }
        add(
                consultAt.minusSeconds(600),
                new ConsultationCheckedIn(
                        consultation, request, patient, site, clinician, consultAt.minusSeconds(600)));
        add(
                consultAt.plusSeconds(3600),
                new ConsultationCompleted(
                        consultation,
                        request,
                        patient,
                        site,
                        clinician,
                        consultAt,
                        consultAt.plusSeconds(3600),
                        true,
                        chance(0.2)
                                ? ConsultationCompleted.VisitLevel.HIGH
                                : ConsultationCompleted.VisitLevel.MODERATE));
        invoice(
                patient,
                site,
                payer,
                InvoiceIssued.Source.CONSULTATION,
                consultation,
                consultAt.plusSeconds(4000),
                250);
        boolean depression =
                condition == Condition.TREATMENT_RESISTANT_DEPRESSION || condition == Condition.BIPOLAR_DEPRESSION;
        int phq9 = depression ? 15 + random.nextInt(13) : random.nextInt(15);
        Instant screenedAt = consultAt.plusSeconds(1800);
        add(
                screenedAt,
                new PatientScreened(
                        request,
                        patient,
                        site,
                        condition,
                        phq9,
                        phq9 >= 20 ? "SEVERE" : "MODERATE",
                        false,
                        8,
                        "MILD",
                        null,
                        null,
                        depression,
                        PatientScreened.Eligibility.ELIGIBLE,
                        List.of(),
                        urgent,
                        screenedAt));
        Instant decidedAt = consultAt.plusSeconds(DAY);
        if (chance(0.15)) {
            add(
                    decidedAt,
                    new TreatmentDeclined(
                            request,
                            patient,
                            site,
                            clinician,
                            TreatmentDeclined.Decision.DECLINED,
                            "CONTRAINDICATION",
                            decidedAt));
            return;
        }
        String plan = id("plan_");
        Protocol protocol = depression ? Protocol.DEPRESSION_INDUCTION : Protocol.PAIN_SERIES;
        int sessions = protocol == Protocol.DEPRESSION_INDUCTION ? 6 : 5;
        add(
                decidedAt,
                new TreatmentPlanApproved(
                        plan,
                        request,
                        patient,
                        site,
                        clinician,
                        condition,
                        protocol,
                        Route.IV_INFUSION,
                        sessions,
                        2,
                        7,
                        true,
                        40,
                        60,
                        new BigDecimal("0.5"),
                        new BigDecimal("35"),
                        true,
                        payer,
                        false,
                        decidedAt));
        Instant at = decidedAt.plusSeconds((3 + random.nextInt(20)) * DAY);
        int score = phq9;
        boolean onHold = false;
        for (int n = 1; n <= sessions && !onHold; n++) {
            String appointment = id("apt_");
            String chair = "chair_" + random.nextInt(6);
            add(
                    decidedAt.plusSeconds(3600),
                    new InfusionScheduled(
                            appointment,
                            plan,
                            patient,
                            site,
                            chair,
                            n,
                            sessions,
                            protocol,
                            at,
                            at.plusSeconds(7200),
                            decidedAt.plusSeconds(3600)));
            if (chance(0.05)) {
                Instant moved = at.plusSeconds(DAY);
                add(
                        at.minusSeconds(2 * DAY),
                        new InfusionRescheduled(
                                appointment,
                                plan,
                                patient,
                                site,
                                chair,
                                n,
                                at,
                                moved,
                                moved.plusSeconds(7200),
                                at.minusSeconds(2 * DAY)));
                at = moved;
            }
            double outcome = random.nextDouble();
            if (outcome < 0.04) {
                add(
                        at.minusSeconds(3600),
                        new InfusionCancelled(
                                appointment,
                                plan,
                                patient,
                                site,
                                n,
                                at,
                                InfusionCancelled.Reason.PATIENT_REQUEST,
                                true,
                                false,
                                at.minusSeconds(3600)));
                invoice(patient, site, payer, InvoiceIssued.Source.LATE_CANCELLATION, appointment, at, 75);
            } else if (outcome < 0.07) {
                add(
                        at.plusSeconds(1800),
                        new PatientNoShow(appointment, plan, patient, site, n, at, at.plusSeconds(1800)));
                invoice(patient, site, payer, InvoiceIssued.Source.NO_SHOW, appointment, at.plusSeconds(3600), 100);
            } else if (outcome < 0.09) {
                int minutes = 10 + random.nextInt(25);
                Instant stoppedAt = at.plusSeconds(minutes * 60L);
                vitalsReading(appointment, patient, site, at.plusSeconds(300));
                add(
                        stoppedAt,
                        new SessionStopped(
                                appointment,
                                plan,
                                patient,
                                site,
                                chair,
                                n,
                                sessions,
                                protocol,
                                Route.IV_INFUSION,
                                pick(SessionStopped.Reason.values()),
                                new BigDecimal("35.0")
                                        .multiply(BigDecimal.valueOf(minutes))
                                        .divide(BigDecimal.valueOf(40), 1, RoundingMode.HALF_UP),
                                minutes,
                                at,
                                stoppedAt));
                invoice(
                        patient,
                        site,
                        payer,
                        InvoiceIssued.Source.SESSION,
                        appointment,
                        stoppedAt.plusSeconds(600),
                        300);
            } else {
                vitalsReading(appointment, patient, site, at.plusSeconds(900));
                vitalsReading(appointment, patient, site, at.plusSeconds(2700));
                score = Math.max(0, score - random.nextInt(6));
                Instant completedAt = at.plusSeconds(6000 + random.nextInt(1200));
                add(
                        completedAt,
                        new SessionCompleted(
                                appointment,
                                plan,
                                patient,
                                site,
                                chair,
                                n,
                                sessions,
                                protocol,
                                Route.IV_INFUSION,
                                new BigDecimal("35.0"),
                                40,
                                60,
                                depression ? SymptomScale.PHQ9 : SymptomScale.PAIN_NRS,
                                depression ? score : random.nextInt(10),
                                n == sessions,
                                at,
                                completedAt));
                invoice(
                        patient,
                        site,
                        payer,
                        InvoiceIssued.Source.SESSION,
                        appointment,
                        completedAt.plusSeconds(600),
                        450);
                if (chance(0.005)) {
                    // the register found the session's draw not reconciled 12 hours after it ended
                    Instant detectedAt = completedAt.plusSeconds(12 * 3600);
                    add(
                            detectedAt,
                            new ControlledSubstanceDiscrepancy(
                                    id("dsc_"),
                                    site,
                                    ControlledSubstanceDiscrepancy.Kind.UNRECONCILED_SESSION,
                                    null,
                                    new BigDecimal("40.0"),
                                    new BigDecimal("35.0"),
                                    new BigDecimal("5.0"),
                                    detectedAt));
                }
                if (chance(0.05)) {
                    String alert = id("alr_");
                    add(
                            at.plusSeconds(1800),
                            new VitalsAlertRaised(
                                    alert,
                                    appointment,
                                    patient,
                                    site,
                                    pick(RULES),
                                    185,
                                    112,
                                    96,
                                    97,
                                    16,
                                    at.plusSeconds(1700),
                                    at.plusSeconds(1800)));
                    add(
                            at.plusSeconds(2100),
                            new VitalsAlertClosed(alert, appointment, patient, site, at.plusSeconds(2100)));
                }
                if (chance(0.03)) {
                    String adverse = id("ae_");
                    int grade = 1 + random.nextInt(chance(0.8) ? 2 : 4);
                    add(
                            at.plusSeconds(2400),
                            new AdverseEventReported(
                                    adverse,
                                    appointment,
                                    patient,
                                    site,
                                    pick(CATEGORIES),
                                    grade,
                                    grade >= 3,
                                    "OBSERVATION",
                                    "RESOLVED",
                                    at.plusSeconds(2000),
                                    at.plusSeconds(2400)));
                    if (grade >= 3) {
                        String hold = id("hold_");
                        add(
                                at.plusSeconds(2500),
                                new ClinicalHoldPlaced(hold, patient, site, adverse, grade, at.plusSeconds(2500)));
                        if (chance(0.7)) {
                            Instant released = at.plusSeconds(3 * DAY);
                            add(
                                    released,
                                    new ClinicalHoldReleased(
                                            hold, patient, site, clinician, at.plusSeconds(2500), released));
                        } else {
                            onHold = true;
                        }
                    }
                }
            }
            at = at.plusSeconds((2 + random.nextInt(4)) * DAY);
        }
    }

    /** A vitals reading at the chair, recorded by monitoring half a minute later. */
    private void vitalsReading(String appointment, String patient, String site, Instant takenAt) {
        Instant recordedAt = takenAt.plusSeconds(30);
        add(recordedAt, new VitalsRecorded(id("vit_"), appointment, patient, site, takenAt, recordedAt));
    }

    private void invoice(
            String patient,
            String site,
            PayerType payer,
            InvoiceIssued.Source source,
            String sourceId,
            Instant at,
            int fee) {
        String invoice = id("inv_");
        BigDecimal subtotal = BigDecimal.valueOf(fee).setScale(2);
        boolean assisted = chance(0.12);
        BigDecimal discount =
                assisted ? subtotal.multiply(new BigDecimal("0.25")).setScale(2) : BigDecimal.ZERO.setScale(2);
        BigDecimal total = subtotal.subtract(discount);
        BigDecimal patientPays = payer == PayerType.INSURANCE
                ? total.multiply(new BigDecimal("0.2")).setScale(2)
                : total;
        add(
                at,
                new InvoiceIssued(
                        invoice,
                        patient,
                        site,
                        payer,
                        source,
                        sourceId,
                        "USD",
                        List.of(new InvoiceIssued.Line("96365", 1, subtotal, subtotal)),
                        subtotal,
                        discount,
                        total,
                        patientPays,
                        assisted,
                        at));
        if (chance(0.01)) {
            Instant voidedAt = at.plusSeconds(DAY);
            add(
                    voidedAt,
                    new InvoiceVoided(invoice, patient, site, source, sourceId, "USD", total, patientPays, voidedAt));
            return; // billed by mistake: nothing is paid on it
        }
        if (!assisted && chance(0.04)) {
            // assistance granted after the invoice was issued
            Instant adjustedAt = at.plusSeconds(2 * DAY);
            BigDecimal newDiscount = subtotal.multiply(new BigDecimal("0.25")).setScale(2);
            BigDecimal newTotal = subtotal.subtract(newDiscount);
            BigDecimal newShare = payer == PayerType.INSURANCE
                    ? newTotal.multiply(new BigDecimal("0.2")).setScale(2)
                    : newTotal;
            add(
                    adjustedAt,
                    new InvoiceAdjusted(
                            invoice,
                            patient,
                            site,
                            source,
                            sourceId,
                            InvoiceAdjusted.Reason.ASSISTANCE,
                            "USD",
                            subtotal,
                            newDiscount,
                            newTotal,
                            newShare,
                            patientPays,
                            true,
                            false,
                            adjustedAt));
            total = newTotal;
        }
        if (chance(0.85)) {
            Instant paidAt = at.plusSeconds(random.nextInt(20) * DAY + 600);
            add(
                    paidAt,
                    new PaymentReceived(
                            id("pay_"),
                            invoice,
                            patient,
                            site,
                            PaymentReceived.Kind.PAYMENT,
                            payer == PayerType.INSURANCE
                                    ? PaymentReceived.Method.INSURANCE
                                    : PaymentReceived.Method.CARD,
                            total,
                            "USD",
                            BigDecimal.ZERO.setScale(2),
                            paidAt));
        }
        if (chance(0.01)) {
            Instant refundedAt = at.plusSeconds(30 * DAY);
            add(
                    refundedAt,
                    new PaymentReceived(
                            id("pay_"),
                            invoice,
                            patient,
                            site,
                            PaymentReceived.Kind.REFUND,
                            PaymentReceived.Method.CARD,
                            dollars(10, 50),
                            "USD",
                            BigDecimal.ZERO.setScale(2),
                            refundedAt));
        }
    }
}
