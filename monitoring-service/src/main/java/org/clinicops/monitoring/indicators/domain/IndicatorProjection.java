package org.clinicops.monitoring.indicators.domain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SymptomScale;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.events.VitalsAlertRaised;
import org.jspecify.annotations.Nullable;

/**
 * The indicator projection: every clinic event is folded ({@link #apply}) into compact state per
 * business object, keyed by its natural id (request, appointment, plan, invoice, payment, hold...),
 * and the indicators of every site are derived from that state ({@link #snapshot}). A business
 * object keeps only the fields an indicator needs, times as epoch nanoseconds, site and patient ids
 * shared; a redelivered event (same {@code ce_id}) is skipped, and one event applied twice would
 * change nothing anyway, so the figures depend only on the set of events, never on their order.
 *
 * <p>The figures are those of the batch calculation over all facts that this projection replaced
 * (kept in the tests as the oracle). Not thread-safe: its owner serialises access.
 */
public final class IndicatorProjection {

    /** Rules a vitals alert can name; each has a series even before it fires. */
    public static final List<String> VITALS_RULES =
            List.of("BP_HIGH_REPEATED", "BP_SEVERE", "HEART_RATE_SUSTAINED", "SPO2_LOW");

    private static final Set<Condition> DEPRESSION =
            Set.of(Condition.TREATMENT_RESISTANT_DEPRESSION, Condition.BIPOLAR_DEPRESSION);
    private static final Set<Protocol> DEPRESSION_PROTOCOLS =
            Set.of(Protocol.DEPRESSION_INDUCTION, Protocol.ESKETAMINE_INDUCTION);
    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final long NANOS = 1_000_000_000L;

    /**
     * The version of the durable form ({@link #writeTo}). 2 added stopped sessions; a stored
     * projection of another version is never read ({@link #readFrom} refuses it) but rebuilt.
     */
    public static final int FORMAT = 2;

    record Req(String site, String patient, Condition condition, boolean urgent, long requestedAt) {}

    record Cons(String site, String requestId, boolean urgent, long requestedAt, long startsAt) {}

    record Screening(String patient, int phq9, long screenedAt) {}

    record Plan(String requestId, Condition condition) {}

    record Cancel(String site, boolean late) {}

    /** {@code phq9} is the PHQ-9 score of the session, -1 when it has none. */
    record Sess(
            String site,
            String plan,
            String patient,
            Protocol protocol,
            int phq9,
            boolean courseCompleted,
            int sessionNumber,
            long startedAt,
            long completedAt) {}

    record Alert(String site, String rule) {}

    record Stopped(String site, SessionStopped.Reason reason) {}

    record Adverse(String site, AdverseEventCategory category, int grade) {}

    record Hold(String site, String patient) {}

    record Invoice(
            String site,
            String patient,
            boolean session,
            @Nullable String sourceId,
            boolean assisted,
            Object subtotalMoney,
            Object discountMoney,
            Object totalMoney,
            Object patientResponsibilityMoney) {

        BigDecimal subtotal() {
            return decimal(subtotalMoney);
        }

        BigDecimal discount() {
            return decimal(discountMoney);
        }

        BigDecimal total() {
            return decimal(totalMoney);
        }

        BigDecimal patientResponsibility() {
            return decimal(patientResponsibilityMoney);
        }
    }

    record Payment(String site, boolean refund, Object amount) {}

    /**
     * An amount kept as its unscaled long with the scale in the low byte when it fits (most do:
     * a {@code BigDecimal} costs about 40 bytes more), else the {@code BigDecimal} itself; {@link
     * #decimal} gives back an equal {@code BigDecimal} (same value, same scale).
     */
    static Object money(BigDecimal value) {
        if (value.scale() >= 0 && value.scale() < 128 && value.unscaledValue().bitLength() < 56) {
            return (value.unscaledValue().longValue() << 8) | value.scale();
        }
        return value;
    }

    static BigDecimal decimal(Object money) {
        if (money instanceof Long packed) {
            return BigDecimal.valueOf(packed >> 8, (int) (packed & 0xff));
        }
        return (BigDecimal) money;
    }

    record Payer(long at, PayerType type) {

        /** The later fact, ties broken by payer type, as the batch calculation did. */
        Payer latest(Payer other) {
            int byTime = Long.compare(other.at, at);
            return byTime > 0 || (byTime == 0 && other.type.compareTo(type) > 0) ? other : this;
        }
    }

    record SiteZone(long updatedAt, String timeZone) {}

    private final IndicatorPolicy policy;
    private final EventIdSet ids = new EventIdSet();
    private final Map<String, String> shared = new HashMap<>();
    private final Set<String> sites = new TreeSet<>();
    private final Map<String, Req> requests = new HashMap<>();
    private final Map<String, Cons> consultations = new HashMap<>();
    private final Map<String, String> consultationsCompleted = new HashMap<>();
    private final Map<String, Screening> screenings = new HashMap<>();
    private final Map<String, Plan> plans = new HashMap<>();
    private final Map<String, String> infusions = new HashMap<>();
    private final Map<String, Cancel> cancellations = new HashMap<>();
    private final Map<String, String> noShows = new HashMap<>();
    private final Map<String, Sess> sessions = new HashMap<>();
    private final Map<String, Stopped> stoppedSessions = new HashMap<>();
    private final Map<String, Alert> alerts = new HashMap<>();
    private final Map<String, Adverse> adverseEvents = new HashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private final Map<String, Invoice> invoices = new HashMap<>();
    private final Map<String, Payment> payments = new HashMap<>();
    private final Set<String> releasedHolds = new HashSet<>();
    private final Set<String> scheduledRequests = new HashSet<>();
    private final Set<String> declinedRequests = new HashSet<>();
    private final Set<String> declinedPatients = new HashSet<>();
    private final Map<String, String> planOfAppointment = new HashMap<>();
    /** The latest payer type per site and patient. */
    private final Map<String, Map<String, Payer>> payers = new HashMap<>();

    private final Map<String, SiteZone> zones = new HashMap<>();

    public IndicatorProjection(IndicatorPolicy policy) {
        this.policy = policy;
    }

    /** How many distinct events ({@code ce_id}s) were folded. */
    public long facts() {
        return ids.size();
    }

    /** Folds one event; answers whether it was new (a redelivery changes nothing). */
    public boolean apply(RecordedEvent fact) {
        if (!ids.add(fact.id())) {
            return false;
        }
        fold(fact.event());
        return true;
    }

    private String share(String value) {
        String known = shared.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    private void fold(ClinicEvent e) {
        String site = share(e.siteId());
        sites.add(site);
        if (e instanceof SiteUpdated s) {
            SiteZone zone = new SiteZone(nanos(s.updatedAt()), s.timeZone());
            zones.merge(site, zone, (a, b) -> b.updatedAt() > a.updatedAt() ? b : a);
        } else if (e instanceof ConsultationRequested r) {
            String patient = share(r.patientId());
            requests.put(
                    share(r.requestId()), new Req(site, patient, r.condition(), r.urgent(), nanos(r.requestedAt())));
            payer(site, patient, r.payerType(), r.requestedAt());
        } else if (e instanceof ConsultationScheduled c) {
            String request = share(c.requestId());
            consultations.put(
                    c.appointmentId(),
                    new Cons(site, request, c.urgent(), nanos(c.requestedAt()), nanos(c.startsAt())));
            scheduledRequests.add(request);
        } else if (e instanceof ConsultationCompleted c) {
            consultationsCompleted.put(c.appointmentId(), site);
        } else if (e instanceof PatientScreened s) {
            Screening screening = new Screening(share(s.patientId()), s.phq9Total(), nanos(s.screenedAt()));
            screenings.merge(share(s.requestId()), screening, (a, b) -> a.screenedAt() > b.screenedAt() ? a : b);
        } else if (e instanceof TreatmentPlanApproved p) {
            String patient = share(p.patientId());
            plans.put(share(p.planId()), new Plan(share(p.requestId()), p.condition()));
            payer(site, patient, p.payerType(), p.approvedAt());
        } else if (e instanceof TreatmentDeclined d) {
            declinedRequests.add(share(d.requestId()));
            declinedPatients.add(share(d.patientId()));
        } else if (e instanceof InfusionScheduled i) {
            String appointment = share(i.appointmentId());
            infusions.put(appointment, site);
            planOfAppointment.put(appointment, share(i.planId()));
        } else if (e instanceof InfusionCancelled c) {
            cancellations.put(c.appointmentId(), new Cancel(site, c.late()));
        } else if (e instanceof PatientNoShow n) {
            noShows.put(n.appointmentId(), site);
        } else if (e instanceof SessionCompleted s) {
            String appointment = share(s.appointmentId());
            String plan = share(s.planId());
            Integer score = s.symptomScale() == SymptomScale.PHQ9 ? s.symptomScore() : null;
            sessions.put(
                    appointment,
                    new Sess(
                            site,
                            plan,
                            share(s.patientId()),
                            s.protocol(),
                            score == null ? -1 : score,
                            s.courseCompleted(),
                            s.sessionNumber(),
                            nanos(s.startedAt()),
                            nanos(s.completedAt())));
            planOfAppointment.put(appointment, plan);
        } else if (e instanceof SessionStopped s) {
            stoppedSessions.put(s.appointmentId(), new Stopped(site, s.reason()));
            planOfAppointment.put(share(s.appointmentId()), share(s.planId()));
        } else if (e instanceof VitalsAlertRaised a) {
            alerts.put(a.alertId(), new Alert(site, share(a.rule())));
        } else if (e instanceof AdverseEventReported a) {
            adverseEvents.put(a.adverseEventId(), new Adverse(site, a.category(), a.grade()));
        } else if (e instanceof ClinicalHoldPlaced h) {
            holds.put(share(h.holdId()), new Hold(site, share(h.patientId())));
        } else if (e instanceof ClinicalHoldReleased h) {
            releasedHolds.add(share(h.holdId()));
        } else if (e instanceof InvoiceIssued i) {
            String patient = share(i.patientId());
            invoices.put(
                    i.invoiceId(),
                    new Invoice(
                            site,
                            patient,
                            i.source() == InvoiceIssued.Source.SESSION,
                            i.sourceId() == null ? null : share(i.sourceId()),
                            i.assistanceApplied(),
                            money(i.subtotal()),
                            money(i.discount()),
                            money(i.total()),
                            money(i.patientResponsibility())));
            payer(site, patient, i.payerType(), i.issuedAt());
        } else if (e instanceof PaymentReceived p) {
            payments.put(p.paymentId(), new Payment(site, p.kind() == PaymentReceived.Kind.REFUND, money(p.amount())));
        }
    }

    private void payer(String site, String patient, PayerType type, Instant at) {
        payers.computeIfAbsent(site, s -> new HashMap<>()).merge(patient, new Payer(nanos(at), type), Payer::latest);
    }

    /** The time zone of a site as its latest site-updated says (UTC while unknown or invalid). */
    public ZoneId zoneOf(String siteId) {
        SiteZone zone = zones.get(siteId);
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.timeZone());
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** Every site's time zone (a copy). */
    public Map<String, ZoneId> zones() {
        Map<String, ZoneId> copy = new HashMap<>();
        zones.keySet().forEach(site -> copy.put(site, zoneOf(site)));
        return copy;
    }

    // ------------------------------------------------------------------------------------------
    // snapshot

    /** What one site's state holds, gathered in one pass over the business objects. */
    private static final class Site {
        final List<Map.Entry<String, Req>> requests = new ArrayList<>();
        final Map<String, Cons> firstConsultationByRequest = new HashMap<>();
        long consultations;
        long consultationsCompleted;
        long infusions;
        long noShows;
        long cancellations;
        long lateCancellations;
        final List<Sess> sessions = new ArrayList<>();
        final Map<SessionStopped.Reason, Long> stopped = new EnumMap<>(SessionStopped.Reason.class);
        final Map<String, List<Sess>> sessionsByPlan = new HashMap<>();
        final List<Invoice> invoices = new ArrayList<>();
        final List<Adverse> adverse = new ArrayList<>();
        final List<Alert> alerts = new ArrayList<>();
        final List<Map.Entry<String, Hold>> holds = new ArrayList<>();
        final List<Payment> payments = new ArrayList<>();
    }

    /** The indicators of every site at {@code now}. */
    public Indicators snapshot(Instant now) {
        Map<String, Site> bySite = new HashMap<>();
        for (String site : sites) {
            bySite.put(site, new Site());
        }
        for (Map.Entry<String, Req> r : requests.entrySet()) {
            site(bySite, r.getValue().site()).requests.add(r);
        }
        for (Cons c : consultations.values()) {
            Site s = site(bySite, c.site());
            s.consultations++;
            s.firstConsultationByRequest.merge(c.requestId(), c, (a, b) -> a.startsAt() < b.startsAt() ? a : b);
        }
        consultationsCompleted.values().forEach(site -> site(bySite, site).consultationsCompleted++);
        infusions.values().forEach(site -> site(bySite, site).infusions++);
        noShows.values().forEach(site -> site(bySite, site).noShows++);
        for (Cancel c : cancellations.values()) {
            Site s = site(bySite, c.site());
            s.cancellations++;
            if (c.late()) {
                s.lateCancellations++;
            }
        }
        for (Sess session : sessions.values()) {
            Site s = site(bySite, session.site());
            s.sessions.add(session);
            s.sessionsByPlan
                    .computeIfAbsent(session.plan(), p -> new ArrayList<>())
                    .add(session);
        }
        stoppedSessions.values().forEach(st -> site(bySite, st.site()).stopped.merge(st.reason(), 1L, Long::sum));
        invoices.values().forEach(i -> site(bySite, i.site()).invoices.add(i));
        adverseEvents.values().forEach(a -> site(bySite, a.site()).adverse.add(a));
        alerts.values().forEach(a -> site(bySite, a.site()).alerts.add(a));
        holds.entrySet().forEach(h -> site(bySite, h.getValue().site()).holds.add(h));
        payments.values().forEach(p -> site(bySite, p.site()).payments.add(p));

        Map<String, List<Screening>> screeningsByPatient = null;
        long nowNanos = nanos(now);
        Map<String, SiteIndicators> result = new TreeMap<>();
        for (String siteId : sites) {
            Site s = bySite.get(siteId);
            if (s == null) {
                continue;
            }
            if (screeningsByPatient == null && !s.sessions.isEmpty()) {
                screeningsByPatient = new HashMap<>();
                for (Screening screening : screenings.values()) {
                    screeningsByPatient
                            .computeIfAbsent(screening.patient(), p -> new ArrayList<>())
                            .add(screening);
                }
            }
            result.put(siteId, site(siteId, s, nowNanos, screeningsByPatient));
        }
        return new Indicators(now, Map.copyOf(result));
    }

    private static Site site(Map<String, Site> bySite, @Nullable String site) {
        Site s = site == null ? null : bySite.get(site);
        return s == null ? new Site() : s; // a null site belongs to no site's figures
    }

    private SiteIndicators site(
            String siteId, Site s, long now, @Nullable Map<String, List<Screening>> screeningsByPatient) {
        Map<Condition, Long> byCondition = new EnumMap<>(Condition.class);
        for (Map.Entry<String, Req> r : s.requests) {
            byCondition.merge(r.getValue().condition(), 1L, Long::sum);
        }

        // access
        List<Double> toConsultation = new ArrayList<>();
        for (Cons c : s.firstConsultationByRequest.values()) {
            double d = days(c.requestedAt(), c.startsAt());
            if (d >= 0) {
                toConsultation.add(d);
            }
        }
        Collections.sort(toConsultation);

        Map<String, Sess> firstSessionByPatient = new HashMap<>();
        for (Sess session : s.sessions) {
            firstSessionByPatient.merge(session.patient(), session, (a, b) -> a.startedAt() < b.startedAt() ? a : b);
        }
        Map<String, Req> firstRequestByPatient = new HashMap<>();
        for (Map.Entry<String, Req> r : s.requests) {
            firstRequestByPatient.merge(
                    r.getValue().patient(), r.getValue(), (a, b) -> a.requestedAt() < b.requestedAt() ? a : b);
        }
        List<Double> toFirstInfusion = new ArrayList<>();
        for (Sess first : firstSessionByPatient.values()) {
            Long requestedAt = requestTimeOf(first, firstRequestByPatient);
            if (requestedAt != null && first.startedAt() >= requestedAt) {
                toFirstInfusion.add(days(requestedAt, first.startedAt()));
            }
        }
        Collections.sort(toFirstInfusion);
        double targetDays = policy.treatmentStartTarget().toSeconds() / SECONDS_PER_DAY;
        long target = policy.treatmentStartTarget().toNanos();
        long startedInTime = 0;
        long startDue = 0;
        for (Map.Entry<String, Req> entry : firstRequestByPatient.entrySet()) {
            Req request = entry.getValue();
            Sess first = firstSessionByPatient.get(entry.getKey());
            if (first != null) {
                Long requestedAt = requestTimeOf(first, firstRequestByPatient);
                startDue++;
                if (requestedAt != null && days(requestedAt, first.startedAt()) <= targetDays) {
                    startedInTime++;
                }
            } else if (!declinedPatients.contains(request.patient()) && now - request.requestedAt() > target) {
                startDue++;
            }
        }
        Set<String> waitingPatients = new HashSet<>();
        for (Map.Entry<String, Req> r : s.requests) {
            if (!scheduledRequests.contains(r.getKey()) && !declinedRequests.contains(r.getKey())) {
                waitingPatients.add(r.getValue().patient());
            }
        }
        long urgentTarget = policy.urgentSeenTarget().toNanos();
        long urgentDue = 0;
        long urgentInTime = 0;
        for (Map.Entry<String, Req> r : s.requests) {
            Req request = r.getValue();
            Cons consultation = s.firstConsultationByRequest.get(r.getKey());
            boolean urgent = request.urgent() || (consultation != null && consultation.urgent());
            if (!urgent) {
                continue;
            }
            long deadline = request.requestedAt() + urgentTarget;
            if (consultation != null) {
                urgentDue++;
                if (consultation.startsAt() <= deadline) {
                    urgentInTime++;
                }
            } else if (now > deadline) {
                urgentDue++;
            }
        }

        // affordability
        List<BigDecimal> perSession = new ArrayList<>();
        Map<String, BigDecimal> byPlan = new HashMap<>();
        Set<String> invoicedPatients = new HashSet<>();
        Set<String> assistedPatients = new HashSet<>();
        BigDecimal discounts = BigDecimal.ZERO;
        long discounted = 0;
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        for (Invoice invoice : s.invoices) {
            if (invoice.session()) {
                perSession.add(invoice.patientResponsibility());
                String plan = invoice.sourceId() == null ? null : planOfAppointment.get(invoice.sourceId());
                if (plan != null) {
                    byPlan.merge(plan, BigDecimal.ZERO.add(invoice.patientResponsibility()), BigDecimal::add);
                }
            }
            invoicedPatients.add(invoice.patient());
            if (invoice.assisted()) {
                assistedPatients.add(invoice.patient());
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
        for (Sess session : s.sessions) {
            if (session.courseCompleted()) {
                completedCourses.add(session.plan());
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
        for (Payment payment : s.payments) {
            BigDecimal amount = decimal(payment.amount());
            collected = payment.refund() ? collected.subtract(amount) : collected.add(amount);
        }
        Map<PayerType, Long> payerMix = new EnumMap<>(PayerType.class);
        for (PayerType type : PayerType.values()) {
            payerMix.put(type, 0L);
        }
        payers.getOrDefault(siteId, Map.of()).values().forEach(p -> payerMix.merge(p.type(), 1L, Long::sum));

        // safety and outcomes
        Map<Integer, Map<AdverseEventCategory, Long>> adverse = new TreeMap<>();
        for (int grade = 1; grade <= 5; grade++) {
            Map<AdverseEventCategory, Long> byCategory = new EnumMap<>(AdverseEventCategory.class);
            for (AdverseEventCategory category : AdverseEventCategory.values()) {
                byCategory.put(category, 0L);
            }
            adverse.put(grade, byCategory);
        }
        for (Adverse event : s.adverse) {
            Map<AdverseEventCategory, Long> byCategory = adverse.get(event.grade());
            if (byCategory != null) {
                byCategory.merge(event.category(), 1L, Long::sum);
            }
        }
        Map<String, Long> alertsByRule = new LinkedHashMap<>();
        VITALS_RULES.forEach(rule -> alertsByRule.put(rule, 0L));
        s.alerts.forEach(a -> alertsByRule.merge(a.rule(), 1L, Long::sum));
        Set<String> onHold = new HashSet<>();
        for (Map.Entry<String, Hold> hold : s.holds) {
            // patients on hold: one with several active holds (one per serious event) counts once
            if (!releasedHolds.contains(hold.getKey())) {
                onHold.add(hold.getValue().patient());
            }
        }
        long evaluated = 0;
        long responders = 0;
        long remitters = 0;
        for (String plan : completedCourses) {
            int[] outcome = depressionOutcome(plan, s.sessionsByPlan.get(plan), screeningsByPatient);
            if (outcome != null) {
                evaluated++;
                if (outcome[0] > 0 && 2 * outcome[1] <= outcome[0]) {
                    responders++;
                }
                if (outcome[1] < 5) {
                    remitters++;
                }
            }
        }
        long infusionsCompleted = s.sessions.size();
        Map<SessionStopped.Reason, Long> stopped = new EnumMap<>(SessionStopped.Reason.class);
        for (SessionStopped.Reason reason : SessionStopped.Reason.values()) {
            stopped.put(reason, s.stopped.getOrDefault(reason, 0L));
        }
        // infusions given: completed ones and those stopped early (often for the very adverse event)
        long infusionsGiven = infusionsCompleted
                + s.stopped.values().stream().mapToLong(Long::longValue).sum();
        return new SiteIndicators(
                siteId,
                s.requests.size(),
                byCondition,
                s.consultations,
                s.consultationsCompleted,
                s.infusions,
                infusionsCompleted,
                s.noShows,
                s.cancellations,
                s.lateCancellations,
                stopped,
                List.copyOf(toConsultation),
                List.copyOf(toFirstInfusion),
                ratio(startedInTime, startDue),
                waitingPatients.size(),
                urgentDue,
                urgentInTime,
                List.copyOf(perSession),
                List.copyOf(perCourse),
                ratio(assistedPatients.size(), invoicedPatients.size()),
                averageDiscount,
                subtotal.signum() == 0 ? 0 : discounts.doubleValue() / subtotal.doubleValue(),
                payerMix,
                billed.signum() == 0 ? 0 : collected.doubleValue() / billed.doubleValue(),
                billed.subtract(collected),
                adverse,
                infusionsGiven == 0 ? 0 : 100.0 * s.adverse.size() / infusionsGiven,
                alertsByRule,
                onHold.size(),
                evaluated,
                responders,
                remitters);
    }

    private @Nullable Long requestTimeOf(Sess first, Map<String, Req> firstRequestByPatient) {
        Plan plan = plans.get(first.plan());
        if (plan != null) {
            Req request = requests.get(plan.requestId());
            if (request != null) {
                return request.requestedAt();
            }
        }
        Req earliest = firstRequestByPatient.get(first.patient());
        return earliest == null ? null : earliest.requestedAt();
    }

    /** Baseline and last PHQ-9 of a completed depression course, or null when not evaluable. */
    private int @Nullable [] depressionOutcome(
            String planId, @Nullable List<Sess> course, @Nullable Map<String, List<Screening>> screeningsByPatient) {
        if (course == null) {
            return null;
        }
        Plan plan = plans.get(planId);
        boolean depression = plan != null
                ? DEPRESSION.contains(plan.condition())
                : course.stream().anyMatch(s -> DEPRESSION_PROTOCOLS.contains(s.protocol()));
        if (!depression) {
            return null;
        }
        Sess last = null;
        for (Sess session : course) {
            if (!ScaleRanges.valid(SymptomScale.PHQ9, session.phq9())) {
                continue; // no PHQ-9 at this session (-1), or one outside the scale
            }
            if (last == null
                    || session.completedAt() > last.completedAt()
                    || (session.completedAt() == last.completedAt()
                            && session.sessionNumber() > last.sessionNumber())) {
                last = session;
            }
        }
        if (last == null) {
            return null;
        }
        Screening baseline = plan == null ? null : screenings.get(plan.requestId());
        if (baseline != null && !ScaleRanges.valid(SymptomScale.PHQ9, baseline.phq9())) {
            baseline = null;
        }
        if (baseline == null) {
            long start = Long.MAX_VALUE;
            for (Sess session : course) {
                start = Math.min(start, session.startedAt());
            }
            List<Screening> ofPatient = screeningsByPatient == null ? null : screeningsByPatient.get(last.patient());
            if (ofPatient != null) {
                for (Screening screening : ofPatient) {
                    if (screening.screenedAt() <= start
                            && ScaleRanges.valid(SymptomScale.PHQ9, screening.phq9())
                            && (baseline == null || screening.screenedAt() > baseline.screenedAt())) {
                        baseline = screening;
                    }
                }
            }
        }
        if (baseline == null) {
            return null;
        }
        return new int[] {baseline.phq9(), last.phq9()};
    }

    // ------------------------------------------------------------------------------------------
    // durable form

    /** Writes the whole state (a compact binary form, read back by {@link #readFrom}). */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        ids.writeTo(out);
        writeStrings(out, sites);
        writeMap(out, requests, (o, r) -> {
            o.writeUTF(r.site());
            o.writeUTF(r.patient());
            o.writeByte(r.condition().ordinal());
            o.writeBoolean(r.urgent());
            o.writeLong(r.requestedAt());
        });
        writeMap(out, consultations, (o, c) -> {
            o.writeUTF(c.site());
            o.writeUTF(c.requestId());
            o.writeBoolean(c.urgent());
            o.writeLong(c.requestedAt());
            o.writeLong(c.startsAt());
        });
        writeMap(out, consultationsCompleted, DataOutput::writeUTF);
        writeMap(out, screenings, (o, sc) -> {
            o.writeUTF(sc.patient());
            o.writeInt(sc.phq9());
            o.writeLong(sc.screenedAt());
        });
        writeMap(out, plans, (o, p) -> {
            o.writeUTF(p.requestId());
            o.writeByte(p.condition().ordinal());
        });
        writeMap(out, infusions, DataOutput::writeUTF);
        writeMap(out, cancellations, (o, c) -> {
            o.writeUTF(c.site());
            o.writeBoolean(c.late());
        });
        writeMap(out, noShows, DataOutput::writeUTF);
        writeMap(out, sessions, (o, s) -> {
            o.writeUTF(s.site());
            o.writeUTF(s.plan());
            o.writeUTF(s.patient());
            o.writeByte(s.protocol().ordinal());
            o.writeInt(s.phq9());
            o.writeBoolean(s.courseCompleted());
            o.writeInt(s.sessionNumber());
            o.writeLong(s.startedAt());
            o.writeLong(s.completedAt());
        });
        writeMap(out, alerts, (o, a) -> {
            o.writeUTF(a.site());
            o.writeUTF(a.rule());
        });
        writeMap(out, stoppedSessions, (o, st) -> {
            o.writeUTF(st.site());
            o.writeUTF(st.reason().name()); // by name: a new reason never shifts the others
        });
        writeMap(out, adverseEvents, (o, a) -> {
            o.writeUTF(a.site());
            o.writeByte(a.category().ordinal());
            o.writeInt(a.grade());
        });
        writeMap(out, holds, (o, h) -> {
            o.writeUTF(h.site());
            o.writeUTF(h.patient());
        });
        writeMap(out, invoices, (o, i) -> {
            o.writeUTF(i.site());
            o.writeUTF(i.patient());
            o.writeBoolean(i.session());
            o.writeBoolean(i.sourceId() != null);
            if (i.sourceId() != null) {
                o.writeUTF(i.sourceId());
            }
            o.writeBoolean(i.assisted());
            writeDecimal(o, i.subtotal());
            writeDecimal(o, i.discount());
            writeDecimal(o, i.total());
            writeDecimal(o, i.patientResponsibility());
        });
        writeMap(out, payments, (o, p) -> {
            o.writeUTF(p.site());
            o.writeBoolean(p.refund());
            writeDecimal(o, decimal(p.amount()));
        });
        writeStrings(out, releasedHolds);
        writeStrings(out, scheduledRequests);
        writeStrings(out, declinedRequests);
        writeStrings(out, declinedPatients);
        writeMap(out, planOfAppointment, DataOutput::writeUTF);
        out.writeInt(payers.size());
        for (Map.Entry<String, Map<String, Payer>> site : payers.entrySet()) {
            out.writeUTF(site.getKey());
            writeMap(out, site.getValue(), (o, p) -> {
                o.writeLong(p.at());
                o.writeByte(p.type().ordinal());
            });
        }
        writeMap(out, zones, (o, z) -> {
            o.writeLong(z.updatedAt());
            o.writeUTF(z.timeZone());
        });
    }

    /** A projection with the state {@link #writeTo} wrote. */
    public static IndicatorProjection readFrom(DataInput in, IndicatorPolicy policy) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new UnreadableFormatException(format);
        }
        IndicatorProjection p = new IndicatorProjection(policy);
        p.ids.readFrom(in);
        p.readStrings(in, p.sites);
        Condition[] conditions = Condition.values();
        Protocol[] protocols = Protocol.values();
        AdverseEventCategory[] categories = AdverseEventCategory.values();
        PayerType[] payerTypes = PayerType.values();
        p.readMap(
                in,
                p.requests,
                i -> new Req(p.str(i), p.str(i), conditions[i.readByte()], i.readBoolean(), i.readLong()));
        p.readMap(
                in,
                p.consultations,
                i -> new Cons(p.str(i), p.str(i), i.readBoolean(), i.readLong(), i.readLong()),
                false);
        p.readMap(in, p.consultationsCompleted, p::str, false);
        p.readMap(in, p.screenings, i -> new Screening(p.str(i), i.readInt(), i.readLong()));
        p.readMap(in, p.plans, i -> new Plan(p.str(i), conditions[i.readByte()]));
        p.readMap(in, p.infusions, p::str);
        p.readMap(in, p.cancellations, i -> new Cancel(p.str(i), i.readBoolean()), false);
        p.readMap(in, p.noShows, p::str, false);
        p.readMap(
                in,
                p.sessions,
                i -> new Sess(
                        p.str(i),
                        p.str(i),
                        p.str(i),
                        protocols[i.readByte()],
                        i.readInt(),
                        i.readBoolean(),
                        i.readInt(),
                        i.readLong(),
                        i.readLong()));
        p.readMap(in, p.alerts, i -> new Alert(p.str(i), p.str(i)), false);
        p.readMap(in, p.stoppedSessions, i -> new Stopped(p.str(i), SessionStopped.Reason.valueOf(i.readUTF())), false);
        p.readMap(in, p.adverseEvents, i -> new Adverse(p.str(i), categories[i.readByte()], i.readInt()), false);
        p.readMap(in, p.holds, i -> new Hold(p.str(i), p.str(i)));
        p.readMap(
                in,
                p.invoices,
                i -> new Invoice(
                        p.str(i),
                        p.str(i),
                        i.readBoolean(),
                        i.readBoolean() ? p.str(i) : null,
                        i.readBoolean(),
                        money(readDecimal(i)),
                        money(readDecimal(i)),
                        money(readDecimal(i)),
                        money(readDecimal(i))),
                false);
        p.readMap(in, p.payments, i -> new Payment(p.str(i), i.readBoolean(), money(readDecimal(i))), false);
        p.readStrings(in, p.releasedHolds);
        p.readStrings(in, p.scheduledRequests);
        p.readStrings(in, p.declinedRequests);
        p.readStrings(in, p.declinedPatients);
        p.readMap(in, p.planOfAppointment, p::str);
        int payerSites = in.readInt();
        for (int n = 0; n < payerSites; n++) {
            Map<String, Payer> ofSite = new HashMap<>();
            p.payers.put(p.str(in), ofSite);
            p.readMap(in, ofSite, i -> new Payer(i.readLong(), payerTypes[i.readByte()]));
        }
        p.readMap(in, p.zones, i -> new SiteZone(i.readLong(), i.readUTF()));
        return p;
    }

    /** A durable form of another version than {@link #FORMAT}: it is rebuilt, never read. */
    public static final class UnreadableFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableFormatException(int format) {
            super("projection format " + format + " is not " + FORMAT + ": rebuild the projection");
        }
    }

    private interface Writer<T> {
        void write(DataOutput out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    private static <T> void writeMap(DataOutput out, Map<String, T> map, Writer<T> writer) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, T> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            writer.write(out, entry.getValue());
        }
    }

    private <T> void readMap(DataInput in, Map<String, T> map, Reader<T> reader) throws IOException {
        readMap(in, map, reader, true);
    }

    /** Keys read back are shared when other objects refer to them (unique ids are not). */
    private <T> void readMap(DataInput in, Map<String, T> map, Reader<T> reader, boolean shareKeys) throws IOException {
        int size = in.readInt();
        for (int n = 0; n < size; n++) {
            String key = shareKeys ? str(in) : in.readUTF();
            map.put(key, reader.read(in));
        }
    }

    private static void writeStrings(DataOutput out, Set<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private void readStrings(DataInput in, Set<String> strings) throws IOException {
        int size = in.readInt();
        for (int n = 0; n < size; n++) {
            strings.add(str(in));
        }
    }

    private String str(DataInput in) throws IOException {
        return share(in.readUTF());
    }

    private static void writeDecimal(DataOutput out, BigDecimal value) throws IOException {
        byte[] unscaled = value.unscaledValue().toByteArray();
        out.writeInt(value.scale());
        out.writeShort(unscaled.length);
        out.write(unscaled);
    }

    private static BigDecimal readDecimal(DataInput in) throws IOException {
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readUnsignedShort()];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    private static double days(long from, long to) {
        return Math.floorDiv(to - from, NANOS) / SECONDS_PER_DAY;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS), at.getNano());
    }
}
