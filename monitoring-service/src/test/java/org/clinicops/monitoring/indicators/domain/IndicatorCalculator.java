package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
 * The batch calculation the projection replaced, kept as the oracle of its tests: derives every
 * indicator from the list of all recorded facts (with the indicators added since: stopped sessions,
 * counted apart from completed ones and among the infusions adverse events are measured against;
 * PHQ-9 scores outside 0 to 27 ignored). The result depends only on the set of facts and
 * the current time, never on their order or on how often an event was delivered: each business
 * object is keyed by its natural id (request, appointment, invoice, payment, adverse event...), so
 * a duplicate collapses and a late event lands where it belongs. A replay from the start therefore
 * gives the same figures.
 */
public final class IndicatorCalculator {

    /** Rules a vitals alert can name; each has a series even before it fires. */
    public static final List<String> VITALS_RULES =
            List.of("BP_HIGH_REPEATED", "BP_SEVERE", "HEART_RATE_SUSTAINED", "SPO2_LOW");

    private static final Set<Condition> DEPRESSION =
            Set.of(Condition.TREATMENT_RESISTANT_DEPRESSION, Condition.BIPOLAR_DEPRESSION);
    private static final Set<Protocol> DEPRESSION_PROTOCOLS =
            Set.of(Protocol.DEPRESSION_INDUCTION, Protocol.ESKETAMINE_INDUCTION);
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final IndicatorPolicy policy;

    public IndicatorCalculator(IndicatorPolicy policy) {
        this.policy = policy;
    }

    /**
     * The figures of a projection's snapshot as this oracle gives them: all time only (the windows
     * are the projection's own, tested apart).
     */
    public static Indicators allTime(Indicators indicators) {
        Map<String, SiteIndicators> sites = new TreeMap<>();
        indicators
                .sites()
                .forEach((id, s) -> sites.put(
                        id,
                        new SiteIndicators(
                                id,
                                s.throughput(),
                                s.backlog(),
                                Map.of(Window.ALL_TIME, s.access(Window.ALL_TIME)),
                                Map.of(Window.ALL_TIME, s.affordability(Window.ALL_TIME)),
                                Map.of(Window.ALL_TIME, s.safety(Window.ALL_TIME)),
                                Map.of(Window.ALL_TIME, s.outcomes(Window.ALL_TIME)))));
        return new Indicators(indicators.computedAt(), Map.copyOf(sites));
    }

    public Indicators compute(List<RecordedEvent> facts, Instant now) {
        Facts f = new Facts(facts);
        Map<String, SiteIndicators> sites = new TreeMap<>();
        for (String site : f.sites) {
            sites.put(site, site(site, f, now));
        }
        return new Indicators(now, Map.copyOf(sites));
    }

    private SiteIndicators site(String site, Facts f, Instant now) {
        Predicate<ClinicEvent> here = e -> site.equals(e.siteId());
        List<ConsultationRequested> requests = f.of(f.requests, here);
        List<ConsultationScheduled> consultations = f.of(f.consultations, here);
        List<SessionCompleted> sessions = f.of(f.sessions, here);
        List<InfusionCancelled> cancellations = f.of(f.cancellations, here);
        List<InvoiceIssued> invoices = f.of(f.invoices, here);
        List<AdverseEventReported> adverse = f.of(f.adverseEvents, here);

        Map<Condition, Long> byCondition = requests.stream()
                .collect(Collectors.groupingBy(
                        ConsultationRequested::condition, () -> new EnumMap<>(Condition.class), Collectors.counting()));

        // access
        Map<String, ConsultationScheduled> firstConsultationByRequest = consultations.stream()
                .collect(Collectors.toMap(
                        ConsultationScheduled::requestId,
                        Function.identity(),
                        (a, b) -> a.startsAt().isBefore(b.startsAt()) ? a : b));
        List<Double> toConsultation = firstConsultationByRequest.values().stream()
                .map(c -> days(c.requestedAt(), c.startsAt()))
                .filter(d -> d >= 0)
                .sorted()
                .toList();

        Map<String, SessionCompleted> firstSessionByPatient = sessions.stream()
                .collect(Collectors.toMap(
                        SessionCompleted::patientId,
                        Function.identity(),
                        (a, b) -> a.startedAt().isBefore(b.startedAt()) ? a : b));
        Map<String, ConsultationRequested> firstRequestByPatient = requests.stream()
                .collect(Collectors.toMap(
                        ConsultationRequested::patientId,
                        Function.identity(),
                        (a, b) -> a.requestedAt().isBefore(b.requestedAt()) ? a : b));
        List<Double> toFirstInfusion = new ArrayList<>();
        for (SessionCompleted first : firstSessionByPatient.values()) {
            Instant requestedAt = requestTimeOf(first, f, firstRequestByPatient);
            if (requestedAt != null && !first.startedAt().isBefore(requestedAt)) {
                toFirstInfusion.add(days(requestedAt, first.startedAt()));
            }
        }
        Set<String> declinedRequests = f.declinedRequests;
        Set<String> declinedPatients = f.declinedPatients;
        double targetDays = policy.treatmentStartTarget().toSeconds() / SECONDS_PER_DAY;
        long startedInTime = 0;
        long startDue = 0;
        for (ConsultationRequested request : firstRequestByPatient.values()) {
            SessionCompleted first = firstSessionByPatient.get(request.patientId());
            if (first != null) {
                Instant requestedAt = requestTimeOf(first, f, firstRequestByPatient);
                startDue++;
                if (requestedAt != null && days(requestedAt, first.startedAt()) <= targetDays) {
                    startedInTime++;
                }
            } else if (!declinedPatients.contains(request.patientId())
                    && Duration.between(request.requestedAt(), now).compareTo(policy.treatmentStartTarget()) > 0) {
                startDue++;
            }
        }
        long waiting = requests.stream()
                .filter(r -> !f.scheduledRequests.contains(r.requestId()))
                .filter(r -> !declinedRequests.contains(r.requestId()))
                .map(ConsultationRequested::patientId)
                .distinct()
                .count();
        long urgentDue = 0;
        long urgentInTime = 0;
        for (ConsultationRequested request : requests) {
            ConsultationScheduled consultation = firstConsultationByRequest.get(request.requestId());
            boolean urgent = request.urgent() || (consultation != null && consultation.urgent());
            if (!urgent) {
                continue;
            }
            Instant deadline = request.requestedAt().plus(policy.urgentSeenTarget());
            if (consultation != null) {
                urgentDue++;
                if (!consultation.startsAt().isAfter(deadline)) {
                    urgentInTime++;
                }
            } else if (now.isAfter(deadline)) {
                urgentDue++;
            }
        }

        // affordability
        List<InvoiceIssued> sessionInvoices = invoices.stream()
                .filter(i -> i.source() == InvoiceIssued.Source.SESSION)
                .toList();
        List<BigDecimal> perSession = sessionInvoices.stream()
                .map(InvoiceIssued::patientResponsibility)
                .sorted()
                .toList();
        List<BigDecimal> perCourse = new ArrayList<>();
        for (String planId : completedCourses(sessions)) {
            BigDecimal sum = BigDecimal.ZERO;
            for (InvoiceIssued invoice : sessionInvoices) {
                if (invoice.sourceId() != null && planId.equals(f.planOfAppointment.get(invoice.sourceId()))) {
                    sum = sum.add(invoice.patientResponsibility());
                }
            }
            perCourse.add(sum);
        }
        Set<String> invoicedPatients =
                invoices.stream().map(InvoiceIssued::patientId).collect(Collectors.toSet());
        Set<String> assistedPatients = invoices.stream()
                .filter(InvoiceIssued::assistanceApplied)
                .map(InvoiceIssued::patientId)
                .collect(Collectors.toSet());
        List<BigDecimal> discounts = invoices.stream()
                .map(InvoiceIssued::discount)
                .filter(d -> d.signum() > 0)
                .toList();
        BigDecimal averageDiscount = discounts.isEmpty()
                ? BigDecimal.ZERO
                : sum(discounts).divide(BigDecimal.valueOf(discounts.size()), 2, RoundingMode.HALF_UP);
        BigDecimal subtotal = sum(invoices.stream().map(InvoiceIssued::subtotal).toList());
        BigDecimal billed = sum(invoices.stream().map(InvoiceIssued::total).toList());
        BigDecimal collected = BigDecimal.ZERO;
        for (PaymentReceived payment : f.of(f.payments, here)) {
            collected = payment.kind() == PaymentReceived.Kind.REFUND
                    ? collected.subtract(payment.amount())
                    : collected.add(payment.amount());
        }
        Map<PayerType, Long> payerMix = new EnumMap<>(PayerType.class);
        for (PayerType type : PayerType.values()) {
            payerMix.put(type, 0L);
        }
        f.payerTypeByPatient(site).values().forEach(type -> payerMix.merge(type, 1L, Long::sum));

        // safety and outcomes
        Map<Integer, Map<AdverseEventCategory, Long>> adverseEvents = new TreeMap<>();
        for (int grade = 1; grade <= 5; grade++) {
            Map<AdverseEventCategory, Long> byCategory = new EnumMap<>(AdverseEventCategory.class);
            for (AdverseEventCategory category : AdverseEventCategory.values()) {
                byCategory.put(category, 0L);
            }
            adverseEvents.put(grade, byCategory);
        }
        for (AdverseEventReported event : adverse) {
            Map<AdverseEventCategory, Long> byCategory = adverseEvents.get(event.grade());
            if (byCategory != null) {
                byCategory.merge(event.category(), 1L, Long::sum);
            }
        }
        Map<String, Long> alertsByRule = new LinkedHashMap<>();
        VITALS_RULES.forEach(rule -> alertsByRule.put(rule, 0L));
        f.of(f.vitalsAlerts, here).forEach(a -> alertsByRule.merge(a.rule(), 1L, Long::sum));
        // patients on hold: a patient has one active hold at most, however many events placed it
        long holdsOpen = f.of(f.holdsPlaced, here).stream()
                .filter(h -> !f.releasedHolds.contains(h.holdId()))
                .map(ClinicalHoldPlaced::patientId)
                .distinct()
                .count();
        long evaluated = 0;
        long responders = 0;
        long remitters = 0;
        for (String planId : completedCourses(sessions)) {
            Outcome outcome = depressionOutcome(planId, sessions, f);
            if (outcome != null) {
                evaluated++;
                if (outcome.baseline() > 0 && 2 * outcome.last() <= outcome.baseline()) {
                    responders++;
                }
                if (outcome.last() < 5) {
                    remitters++;
                }
            }
        }
        long infusionsCompleted = sessions.size();
        List<SessionStopped> stopped = f.of(f.stopped, here);
        Map<SessionStopped.Reason, Long> stoppedByReason = new EnumMap<>(SessionStopped.Reason.class);
        for (SessionStopped.Reason reason : SessionStopped.Reason.values()) {
            stoppedByReason.put(
                    reason, stopped.stream().filter(s -> s.reason() == reason).count());
        }
        long infusionsGiven = infusionsCompleted + stopped.size();
        return new SiteIndicators(
                site,
                new Throughput(
                        requests.size(),
                        byCondition,
                        consultations.size(),
                        f.of(f.consultationsCompleted, here).size(),
                        f.of(f.infusions, here).size(),
                        infusionsCompleted,
                        f.of(f.noShows, here).size(),
                        cancellations.size(),
                        cancellations.stream().filter(InfusionCancelled::late).count(),
                        stoppedByReason),
                new Backlog(waiting, holdsOpen, payerMix),
                Map.of(
                        Window.ALL_TIME,
                        new Access(
                                toConsultation,
                                toFirstInfusion.stream().sorted().toList(),
                                new Ratio(startedInTime, startDue),
                                new Ratio(urgentInTime, urgentDue))),
                Map.of(
                        Window.ALL_TIME,
                        new Affordability(
                                perSession,
                                perCourse.stream().sorted().toList(),
                                new Ratio(assistedPatients.size(), invoicedPatients.size()),
                                averageDiscount,
                                new Ratio(sum(discounts).doubleValue(), subtotal.doubleValue()),
                                new Ratio(collected.doubleValue(), billed.doubleValue()),
                                billed.subtract(collected))),
                Map.of(
                        Window.ALL_TIME,
                        new Safety(adverseEvents, new Ratio(adverse.size(), infusionsGiven), alertsByRule)),
                Map.of(Window.ALL_TIME, new Outcomes(evaluated, responders, remitters)));
    }

    private static @Nullable Instant requestTimeOf(
            SessionCompleted first, Facts f, Map<String, ConsultationRequested> firstRequestByPatient) {
        TreatmentPlanApproved plan = f.plans.get(first.planId());
        if (plan != null) {
            ConsultationRequested request = f.requests.get(plan.requestId());
            if (request != null) {
                return request.requestedAt();
            }
        }
        ConsultationRequested earliest = firstRequestByPatient.get(first.patientId());
        return earliest == null ? null : earliest.requestedAt();
    }

    private static Set<String> completedCourses(List<SessionCompleted> sessions) {
        return sessions.stream()
                .filter(SessionCompleted::courseCompleted)
                .map(SessionCompleted::planId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private record Outcome(int baseline, int last) {}

    private static @Nullable Outcome depressionOutcome(String planId, List<SessionCompleted> sessions, Facts f) {
        List<SessionCompleted> course =
                sessions.stream().filter(s -> planId.equals(s.planId())).toList();
        TreatmentPlanApproved plan = f.plans.get(planId);
        boolean depression = plan != null
                ? DEPRESSION.contains(plan.condition())
                : course.stream().anyMatch(s -> DEPRESSION_PROTOCOLS.contains(s.protocol()));
        if (!depression) {
            return null;
        }
        SessionCompleted last = course.stream()
                .filter(s -> s.symptomScale() == SymptomScale.PHQ9
                        && s.symptomScore() != null
                        && s.symptomScore() >= 0
                        && s.symptomScore() <= 27)
                .max(Comparator.comparing(SessionCompleted::completedAt)
                        .thenComparingInt(SessionCompleted::sessionNumber))
                .orElse(null);
        if (last == null) {
            return null;
        }
        PatientScreened baseline = plan == null ? null : f.screenings.get(plan.requestId());
        if (baseline != null && (baseline.phq9Total() < 0 || baseline.phq9Total() > 27)) {
            baseline = null; // outside the PHQ-9 scale: no baseline
        }
        if (baseline == null) {
            Instant start = course.stream()
                    .map(SessionCompleted::startedAt)
                    .min(Comparator.naturalOrder())
                    .orElse(last.startedAt());
            baseline = f.screenings.values().stream()
                    .filter(s -> s.patientId().equals(last.patientId()))
                    .filter(s -> !s.screenedAt().isAfter(start))
                    .filter(s -> s.phq9Total() >= 0 && s.phq9Total() <= 27)
                    .max(Comparator.comparing(PatientScreened::screenedAt))
                    .orElse(null);
        }
        if (baseline == null) {
            return null;
        }
        return new Outcome(baseline.phq9Total(), Objects.requireNonNull(last.symptomScore()));
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / SECONDS_PER_DAY;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The facts keyed by their natural ids, so duplicates collapse whatever their order. */
    private static final class Facts {
        final Set<String> sites = new TreeSet<>();
        final Map<String, ConsultationRequested> requests = new HashMap<>();
        final Map<String, ConsultationScheduled> consultations = new HashMap<>();
        final Map<String, ConsultationCompleted> consultationsCompleted = new HashMap<>();
        final Map<String, PatientScreened> screenings = new HashMap<>();
        final Map<String, TreatmentPlanApproved> plans = new HashMap<>();
        final Map<String, InfusionScheduled> infusions = new HashMap<>();
        final Map<String, InfusionCancelled> cancellations = new HashMap<>();
        final Map<String, PatientNoShow> noShows = new HashMap<>();
        final Map<String, SessionCompleted> sessions = new HashMap<>();
        final Map<String, SessionStopped> stopped = new HashMap<>();
        final Map<String, VitalsAlertRaised> vitalsAlerts = new HashMap<>();
        final Map<String, AdverseEventReported> adverseEvents = new HashMap<>();
        final Map<String, ClinicalHoldPlaced> holdsPlaced = new HashMap<>();
        final Map<String, InvoiceIssued> invoices = new HashMap<>();
        final Map<String, PaymentReceived> payments = new HashMap<>();
        final Set<String> releasedHolds = new HashSet<>();
        final Set<String> scheduledRequests = new HashSet<>();
        final Set<String> declinedRequests = new HashSet<>();
        final Set<String> declinedPatients = new HashSet<>();
        final Map<String, String> planOfAppointment = new HashMap<>();
        private final List<PayerFact> payerFacts = new ArrayList<>();

        private record PayerFact(String siteId, String patientId, PayerType type, Instant at) {}

        private static final Comparator<PayerFact> LATEST =
                Comparator.comparing(PayerFact::at).thenComparing(PayerFact::type);

        Facts(List<RecordedEvent> facts) {
            for (RecordedEvent fact : facts) {
                ClinicEvent e = fact.event();
                sites.add(e.siteId());
                if (e instanceof SiteUpdated) {
                    continue;
                }
                if (e instanceof ConsultationRequested r) {
                    requests.put(r.requestId(), r);
                    payerFacts.add(new PayerFact(r.siteId(), r.patientId(), r.payerType(), r.requestedAt()));
                } else if (e instanceof ConsultationScheduled c) {
                    consultations.put(c.appointmentId(), c);
                    scheduledRequests.add(c.requestId());
                } else if (e instanceof ConsultationCompleted c) {
                    consultationsCompleted.put(c.appointmentId(), c);
                } else if (e instanceof PatientScreened s) {
                    screenings.merge(s.requestId(), s, (a, b) -> a.screenedAt().isAfter(b.screenedAt()) ? a : b);
                } else if (e instanceof TreatmentPlanApproved p) {
                    plans.put(p.planId(), p);
                    payerFacts.add(new PayerFact(p.siteId(), p.patientId(), p.payerType(), p.approvedAt()));
                } else if (e instanceof TreatmentDeclined d) {
                    declinedRequests.add(d.requestId());
                    declinedPatients.add(d.patientId());
                } else if (e instanceof InfusionScheduled i) {
                    infusions.put(i.appointmentId(), i);
                    planOfAppointment.put(i.appointmentId(), i.planId());
                } else if (e instanceof InfusionCancelled c) {
                    cancellations.put(c.appointmentId(), c);
                } else if (e instanceof PatientNoShow n) {
                    noShows.put(n.appointmentId(), n);
                } else if (e instanceof SessionCompleted s) {
                    sessions.put(s.appointmentId(), s);
                    planOfAppointment.put(s.appointmentId(), s.planId());
                } else if (e instanceof SessionStopped s) {
                    stopped.put(s.appointmentId(), s);
                    planOfAppointment.put(s.appointmentId(), s.planId());
                } else if (e instanceof VitalsAlertRaised a) {
                    vitalsAlerts.put(a.alertId(), a);
                } else if (e instanceof AdverseEventReported a) {
                    adverseEvents.put(a.adverseEventId(), a);
                } else if (e instanceof ClinicalHoldPlaced h) {
                    holdsPlaced.put(h.holdId(), h);
                } else if (e instanceof ClinicalHoldReleased h) {
                    releasedHolds.add(h.holdId());
                } else if (e instanceof InvoiceIssued i) {
                    invoices.put(i.invoiceId(), i);
                    payerFacts.add(new PayerFact(i.siteId(), i.patientId(), i.payerType(), i.issuedAt()));
                } else if (e instanceof PaymentReceived p) {
                    payments.put(p.paymentId(), p);
                }
            }
        }

        <T extends ClinicEvent> List<T> of(Map<String, T> byId, Predicate<ClinicEvent> here) {
            return byId.values().stream().filter(here).toList();
        }

        /** The latest payer type known for each patient of the site. */
        Map<String, PayerType> payerTypeByPatient(String site) {
            Map<String, PayerFact> latest = new HashMap<>();
            for (PayerFact fact : payerFacts) {
                if (site.equals(fact.siteId())) {
                    latest.merge(fact.patientId(), fact, (a, b) -> LATEST.compare(b, a) > 0 ? b : a);
                }
            }
            Map<String, PayerType> types = new HashMap<>();
            latest.forEach((patient, fact) -> types.put(patient, fact.type()));
            return types;
        }
    }
}
