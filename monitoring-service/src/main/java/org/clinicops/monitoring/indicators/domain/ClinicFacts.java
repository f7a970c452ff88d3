package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.Condition;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.events.Protocol;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SymptomScale;
import org.jspecify.annotations.Nullable;

/**
 * What the indicators are derived from: every business object the clinic events describe, keyed by
 * the natural id the events name (request, appointment, plan, invoice, payment, adverse event,
 * hold...), with only the fields an indicator needs. {@link EventFold} fills it, the calculators
 * read it, and the projection store writes it as a {@link Document} and reads it back.
 *
 * <p>Times are epoch nanoseconds ({@link Times#nanos}); amounts are the events' decimals; enum
 * values are the contracts' own. Because every map is keyed by a natural id, folding an event twice
 * changes nothing, and folding the same events in any order gives the same state (where two events
 * describe one object, the later business time wins).
 *
 * <p>Changing a record here (a field added, removed or meaning something else) changes what a
 * stored copy means: raise {@link #VERSION}, and stored copies are rebuilt from the topics instead of
 * being read.
 */
public final class ClinicFacts {

    /**
     * The version of {@link Document}: 1 and 2 were the binary forms of the former single projection
     * class; 3 is this set of records.
     */
    public static final int VERSION = 3;

    /** A site's time zone as of its latest {@code site-updated}. */
    public record SiteZone(long updatedAt, String timeZone) {

        /** The later one; on a tie the greater zone name, so that the order of folding never matters. */
        SiteZone latest(SiteZone other) {
            int byTime = Long.compare(other.updatedAt, updatedAt);
            return byTime > 0 || (byTime == 0 && other.timeZone.compareTo(timeZone) > 0) ? other : this;
        }
    }

    /** {@code consultation-requested}. */
    public record Request(String siteId, String patientId, Condition condition, boolean urgent, long requestedAt) {}

    /** {@code consultation-scheduled}: a consultation booked for a request. */
    public record ScheduledConsultation(
            String siteId, String requestId, boolean urgent, long requestedAt, long startsAt) {}

    /** {@code consultation-completed}: a consultation that took place. */
    public record CompletedConsultation(String siteId, String requestId, long startsAt, long completedAt) {}

    /**
     * {@code consultation-cancelled} (a booked consultation that will not take place) or {@code
     * consultation-no-show} (one the patient missed): either way the request waits for another.
     */
    public record LostConsultation(String siteId, String requestId, long at) {}

    /** {@code patient-screened}: the latest screening of a request; {@code phq9} -1 when off the scale. */
    public record Screening(String patientId, int phq9, long screenedAt) {

        /** The later one; on a tie the higher score, so that the order of folding never matters. */
        Screening latest(Screening other) {
            int byTime = Long.compare(other.screenedAt, screenedAt);
            return byTime > 0 || (byTime == 0 && other.phq9 > phq9) ? other : this;
        }
    }

    /** {@code treatment-plan-approved}; {@code sessions} is the number of sessions planned. */
    public record Plan(String requestId, Condition condition, int sessions) {}

    /** {@code infusion-scheduled}: a session booked. */
    public record ScheduledInfusion(String siteId, String planId, int sessionNumber, long startsAt) {}

    /**
     * {@code infusion-cancelled}: a booked session cancelled, or put on hold by a clinical hold
     * ({@code onHold}, reason {@code CLINICAL_HOLD}), which is no cancellation.
     */
    public record CancelledInfusion(
            String siteId,
            String planId,
            InfusionCancelled.Reason reason,
            boolean late,
            boolean onHold,
            long startsAt,
            long cancelledAt) {

        /** Put on hold by a clinical hold: the session waits, it is not cancelled. */
        public boolean hold() {
            return onHold || reason == InfusionCancelled.Reason.CLINICAL_HOLD;
        }
    }

    /** {@code patient-no-show}. */
    public record MissedInfusion(String siteId, String planId, long startsAt) {}

    /**
     * {@code session-completed}. {@code score} is the symptom score on {@code scale}, -1 when the
     * session has none or one outside its scale's range ({@link org.clinicops.events.SymptomScale#admits}).
     */
    public record CompletedInfusion(
            String siteId,
            String planId,
            String patientId,
            Protocol protocol,
            @Nullable SymptomScale scale,
            int score,
            boolean courseCompleted,
            int sessionNumber,
            int sessionsTotal,
            long startedAt,
            long completedAt) {

        /** The session's PHQ-9, -1 when it was scored on another scale or not at all. */
        public int phq9() {
            return scale == SymptomScale.PHQ9 ? score : -1;
        }
    }

    /** {@code session-stopped}: an infusion given but stopped before its planned end. */
    public record StoppedInfusion(
            String siteId,
            String planId,
            String patientId,
            SessionStopped.Reason reason,
            long startedAt,
            long stoppedAt) {}

    /** {@code vitals-alert-raised}. */
    public record Alert(String siteId, String rule, long raisedAt) {}

    /** {@code adverse-event-reported}. */
    public record AdverseEvent(String siteId, AdverseEventCategory category, int grade, long onsetAt) {}

    /** {@code clinical-hold-placed}; its release is in {@link Document#releasedHolds}. */
    public record Hold(String siteId, String patientId, long placedAt) {}

    /** {@code invoice-issued}. */
    public record Invoice(
            String siteId,
            String patientId,
            PayerType payerType,
            InvoiceIssued.Source source,
            @Nullable String sourceId,
            boolean assisted,
            BigDecimal subtotal,
            BigDecimal discount,
            BigDecimal total,
            BigDecimal patientResponsibility,
            long issuedAt) {

        public boolean session() {
            return source == InvoiceIssued.Source.SESSION;
        }

        /** A prepaid series package sold, whose price covers later sessions. */
        public boolean seriesPackage() {
            return source == InvoiceIssued.Source.SERIES_PACKAGE;
        }

        /**
         * A session covered by a prepaid package: fully discounted without assistance (billing gives
         * such a session a 100% discount). What the patient paid for it is a share of the package.
         */
        public boolean prepaidSession() {
            return session() && !assisted && subtotal.signum() > 0 && total.signum() == 0;
        }
    }

    /**
     * {@code invoice-adjusted}: assistance or a package applied after the invoice was issued; the
     * latest adjustment of an invoice replaces its figures.
     */
    public record InvoiceAdjustment(
            BigDecimal discount, BigDecimal total, BigDecimal patientShare, boolean assisted, long adjustedAt) {

        /** The later one; on a tie the lower patient share, so that the order of folding never matters. */
        InvoiceAdjustment latest(InvoiceAdjustment other) {
            int byTime = Long.compare(other.adjustedAt, adjustedAt);
            return byTime > 0 || (byTime == 0 && other.patientShare.compareTo(patientShare) < 0) ? other : this;
        }
    }

    /** {@code payment-received}: a payment, or a refund (a positive amount). */
    public record Payment(
            String siteId,
            String invoiceId,
            PaymentReceived.Kind kind,
            PaymentReceived.Method method,
            BigDecimal amount,
            long receivedAt) {

        public boolean refund() {
            return kind == PaymentReceived.Kind.REFUND;
        }
    }

    /** A patient's payer type as of a request, plan or invoice; the latest wins. */
    public record Payer(long at, PayerType type) {

        /** The later fact, ties broken by payer type so that the order of folding never matters. */
        Payer latest(Payer other) {
            int byTime = Long.compare(other.at, at);
            return byTime > 0 || (byTime == 0 && other.type.compareTo(type) > 0) ? other : this;
        }
    }

    /**
     * Everything a stored copy holds, as plain records, sets and maps (enum values by name in any
     * serialised form). The maps are those of the projection, not copies: a document is read before
     * anything is folded again.
     */
    public record Document(
            EventIdSet.Contents eventIds,
            Set<String> sites,
            Map<String, SiteZone> zones,
            Map<String, Request> requests,
            Set<String> declinedRequests,
            Set<String> declinedPatients,
            Map<String, Long> withdrawnRequests,
            Map<String, ScheduledConsultation> scheduledConsultations,
            Map<String, CompletedConsultation> completedConsultations,
            Map<String, LostConsultation> lostConsultations,
            Map<String, Screening> screenings,
            Map<String, Plan> plans,
            Map<String, ScheduledInfusion> scheduledInfusions,
            Map<String, CancelledInfusion> cancelledInfusions,
            Map<String, MissedInfusion> missedInfusions,
            Map<String, CompletedInfusion> completedInfusions,
            Map<String, StoppedInfusion> stoppedInfusions,
            Map<String, Alert> alerts,
            Map<String, AdverseEvent> adverseEvents,
            Map<String, Hold> holds,
            Set<String> releasedHolds,
            Map<String, Invoice> invoices,
            Map<String, InvoiceAdjustment> invoiceAdjustments,
            Map<String, Long> voidedInvoices,
            Map<String, Payment> payments,
            Map<String, Map<String, Payer>> payers) {}

    final EventIdSet eventIds;
    /** Every site named by an event. */
    final Set<String> sites;

    final Map<String, SiteZone> zones;
    final Map<String, Request> requests;
    final Set<String> declinedRequests;
    final Set<String> declinedPatients;
    /** request → when it was withdrawn ({@code consultation-request-withdrawn}). */
    final Map<String, Long> withdrawnRequests;

    final Map<String, ScheduledConsultation> scheduledConsultations;
    final Map<String, CompletedConsultation> completedConsultations;
    /** appointment → a consultation cancelled or missed. */
    final Map<String, LostConsultation> lostConsultations;

    final Map<String, Screening> screenings;
    final Map<String, Plan> plans;
    final Map<String, ScheduledInfusion> scheduledInfusions;
    final Map<String, CancelledInfusion> cancelledInfusions;
    final Map<String, MissedInfusion> missedInfusions;
    final Map<String, CompletedInfusion> completedInfusions;
    final Map<String, StoppedInfusion> stoppedInfusions;
    final Map<String, Alert> alerts;
    final Map<String, AdverseEvent> adverseEvents;
    final Map<String, Hold> holds;
    final Set<String> releasedHolds;
    final Map<String, Invoice> invoices;
    final Map<String, InvoiceAdjustment> invoiceAdjustments;
    /** invoice → when it was voided ({@code invoice-voided}). */
    final Map<String, Long> voidedInvoices;

    final Map<String, Payment> payments;
    /** site → patient → latest payer type. */
    final Map<String, Map<String, Payer>> payers;

    /** Ids, site and patient ids shared by every object that names them (most ids recur often). */
    private final Map<String, String> shared = new HashMap<>();

    ClinicFacts() {
        this(new Document(
                new EventIdSet().contents(),
                Set.of(),
                Map.of(),
                Map.of(),
                Set.of(),
                Set.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Set.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of()));
    }

    /** The state a document holds (copied: the document may be read again). */
    ClinicFacts(Document d) {
        eventIds = EventIdSet.of(d.eventIds());
        sites = new TreeSet<>(d.sites());
        zones = new HashMap<>(d.zones());
        requests = new HashMap<>(d.requests());
        declinedRequests = new HashSet<>(d.declinedRequests());
        declinedPatients = new HashSet<>(d.declinedPatients());
        withdrawnRequests = new HashMap<>(d.withdrawnRequests());
        scheduledConsultations = new HashMap<>(d.scheduledConsultations());
        completedConsultations = new HashMap<>(d.completedConsultations());
        lostConsultations = new HashMap<>(d.lostConsultations());
        screenings = new HashMap<>(d.screenings());
        plans = new HashMap<>(d.plans());
        scheduledInfusions = new HashMap<>(d.scheduledInfusions());
        cancelledInfusions = new HashMap<>(d.cancelledInfusions());
        missedInfusions = new HashMap<>(d.missedInfusions());
        completedInfusions = new HashMap<>(d.completedInfusions());
        stoppedInfusions = new HashMap<>(d.stoppedInfusions());
        alerts = new HashMap<>(d.alerts());
        adverseEvents = new HashMap<>(d.adverseEvents());
        holds = new HashMap<>(d.holds());
        releasedHolds = new HashSet<>(d.releasedHolds());
        invoices = new HashMap<>(d.invoices());
        invoiceAdjustments = new HashMap<>(d.invoiceAdjustments());
        voidedInvoices = new HashMap<>(d.voidedInvoices());
        payments = new HashMap<>(d.payments());
        payers = new HashMap<>();
        d.payers().forEach((site, ofSite) -> payers.put(site, new HashMap<>(ofSite)));
        sites.forEach(this::share);
    }

    /** The state as a document for the store (views of the live maps: write it before folding on). */
    Document document() {
        return new Document(
                eventIds.contents(),
                sites,
                zones,
                requests,
                declinedRequests,
                declinedPatients,
                withdrawnRequests,
                scheduledConsultations,
                completedConsultations,
                lostConsultations,
                screenings,
                plans,
                scheduledInfusions,
                cancelledInfusions,
                missedInfusions,
                completedInfusions,
                stoppedInfusions,
                alerts,
                adverseEvents,
                holds,
                releasedHolds,
                invoices,
                invoiceAdjustments,
                voidedInvoices,
                payments,
                payers);
    }

    /** The one instance of this string the state holds (ids recur in many objects). */
    String share(String value) {
        String known = shared.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    /** The plan an appointment belongs to, as any of its infusion events names it. */
    @Nullable
    String planOf(String appointmentId) {
        CompletedInfusion completed = completedInfusions.get(appointmentId);
        if (completed != null) {
            return completed.planId();
        }
        StoppedInfusion stopped = stoppedInfusions.get(appointmentId);
        if (stopped != null) {
            return stopped.planId();
        }
        ScheduledInfusion scheduled = scheduledInfusions.get(appointmentId);
        if (scheduled != null) {
            return scheduled.planId();
        }
        MissedInfusion missed = missedInfusions.get(appointmentId);
        if (missed != null) {
            return missed.planId();
        }
        CancelledInfusion cancelled = cancelledInfusions.get(appointmentId);
        return cancelled == null ? null : cancelled.planId();
    }

    /** An invoice's figures as its latest adjustment left them; null when it was voided. */
    @Nullable
    Invoice current(String invoiceId, Invoice issued) {
        if (voidedInvoices.containsKey(invoiceId)) {
            return null;
        }
        InvoiceAdjustment adjusted = invoiceAdjustments.get(invoiceId);
        if (adjusted == null) {
            return issued;
        }
        return new Invoice(
                issued.siteId(),
                issued.patientId(),
                issued.payerType(),
                issued.source(),
                issued.sourceId(),
                issued.assisted() || adjusted.assisted(),
                issued.subtotal(),
                adjusted.discount(),
                adjusted.total(),
                adjusted.patientShare(),
                issued.issuedAt());
    }
}
