package org.clinicops.bench.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Series;
import org.clinicops.bench.Settling;
import org.clinicops.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * What the crash test verifies once the load has stopped and the platform has settled, read through
 * each service's public API and ops views ({@link PlatformState}), from the topics (every record,
 * grouped by {@code ce_id}) and from monitoring's scrape:
 *
 * <ol>
 *   <li>every request the load was told was accepted is in intake once, has one
 *       consultation-requested event, one consultation in scheduling (or a place on its waiting
 *       list), one billing account, and was applied by every consumer;
 *   <li>no lost events: each service's state has exactly one event for each fact on its outgoing
 *       topics and no event lacks its state; every consumer applied every event of its topics
 *       (its inbox, or the state a consumer that keeps no inbox entry leaves); no dead letters;
 *   <li>no duplicate appointments: one consultation per request, one appointment per plan session,
 *       no chair or clinician held twice at a time, every booked cell held by its appointment;
 *   <li>no double charges: one invoice per charged source, each completed session charged once,
 *       payments adding up and never exceeding what the patient owes;
 *   <li>monitoring's counters equal the platform's state, and its indicator series equal those
 *       after a rebuild from the topics (a fresh replay).
 * </ol>
 */
final class ChaosChecks {

    /** One line of the result table. */
    record Check(String area, String check, boolean passed, String detail) {}

    /** A consumer of a topic: the service and the inbox handler name. */
    record Subscription(String service, String handler, EventType type) {}

    /** Every consumer of the platform, as the services' listeners declare them. */
    static final List<Subscription> SUBSCRIPTIONS = subscriptions();

    /**
     * The consumers that keep no inbox entry (idempotent by the event's own keys: {@code
     * EventInbox.processIdempotent}); what they applied is seen in the state they leave.
     */
    static final Set<Subscription> KEEP_NO_RECORD = Set.of(
            new Subscription(
                    "scheduling-service",
                    EventType.CONSULTATION_REQUESTED.eventName(),
                    EventType.CONSULTATION_REQUESTED),
            new Subscription(
                    "billing-service", EventType.CONSULTATION_REQUESTED.eventName(), EventType.CONSULTATION_REQUESTED),
            new Subscription(
                    "billing-service",
                    EventType.TREATMENT_PLAN_APPROVED.eventName(),
                    EventType.TREATMENT_PLAN_APPROVED));

    /** Monitoring series that are not indicators (process counters, open alerts aging by the clock). */
    private static final List<String> NOT_INDICATORS = List.of(
            "clinic_events_",
            "clinic_outbox_",
            "clinic_audit_",
            "clinic_vitals_alerts_open",
            "clinic_vitals_alerts_oldest",
            // the ketamine register's figures come from its own collections, not from the projection a
            // rebuild replays, and move with the clock (days of supply, the 30-day window)
            "clinic_register_");

    private static final Set<String> HOLDS_TIME = Set.of("SCHEDULED", "CHECKED_IN", "IN_PROGRESS", "COMPLETED");

    private final Platform platform;
    private final Settling settling;
    private final List<Check> checks = new ArrayList<>();
    private final Duration indicatorsStableFor;

    ChaosChecks(Platform platform) {
        this(platform, Duration.ofSeconds(3));
    }

    /**
     * With {@code indicatorsStableFor}: how long monitoring's indicator series must stay unchanged
     * before they are compared. One instance folds each fact it records at once (3 s is enough);
     * with several instances, the one scraped takes in the others' facts on its periodic reload of
     * the fact log, once a minute, so the scrape waits longer than that.
     */
    ChaosChecks(Platform platform, Duration indicatorsStableFor) {
        this.indicatorsStableFor = indicatorsStableFor;
        this.platform = platform;
        this.settling = new Settling(platform, group -> true);
    }

    private static List<Subscription> subscriptions() {
        List<Subscription> list = new ArrayList<>();
        for (EventType t :
                List.of(EventType.SITE_UPDATED, EventType.CONSULTATION_SCHEDULED, EventType.CONSULTATION_COMPLETED)) {
            list.add(new Subscription("intake-service", t.eventName(), t));
        }
        for (EventType t : List.of(
                EventType.CONSULTATION_REQUESTED,
                EventType.CONSULTATION_REQUEST_WITHDRAWN,
                EventType.TREATMENT_PLAN_APPROVED,
                EventType.CLINICAL_HOLD_PLACED,
                EventType.CLINICAL_HOLD_RELEASED)) {
            list.add(new Subscription("scheduling-service", t.eventName(), t));
        }
        for (EventType t : List.of(
                EventType.SITE_UPDATED,
                EventType.CONSULTATION_REQUESTED,
                EventType.TREATMENT_PLAN_APPROVED,
                EventType.SESSION_COMPLETED,
                EventType.CONSULTATION_COMPLETED,
                EventType.PATIENT_NO_SHOW,
                EventType.INFUSION_CANCELLED)) {
            list.add(new Subscription("billing-service", t.eventName(), t));
        }
        for (EventType t : EventType.values()) {
            list.add(new Subscription("monitoring-service", "indicators", t));
        }
        return List.copyOf(list);
    }

    // ---- settling ---------------------------------------------------------------------------

    /**
     * Waits until every outbox is empty, every consumer group has caught up and all that stayed so
     * for two looks in a row ({@link Settling#await}); returns a line on what was left when it gave
     * up, null when settled.
     */
    @Nullable
    String awaitSettled(Duration stall, Duration max, PrintStream progress) throws InterruptedException {
        return settling.await(stall, max, progress);
    }

    // ---- the checks -------------------------------------------------------------------------

    List<Check> run(Ledger.Entries ledger, boolean rebuild) throws IOException, InterruptedException {
        checks.clear();
        List<String> topics = new ArrayList<>();
        for (EventType type : EventType.values()) {
            topics.add(type.topic());
            topics.add(type.topic() + ".dlt");
        }
        TopicSnapshot events = TopicSnapshot.read(platform.kafka(), topics);

        PlatformState state = PlatformState.read(platform);

        checkLedger(ledger, events, state);
        checkLostEvents(events, state);
        checkAppointments(state);
        checkCharges(state.appointments(), state.invoices());
        checkMonitoring(state, rebuild);
        return List.copyOf(checks);
    }

    private void checkLedger(Ledger.Entries ledger, TopicSnapshot events, PlatformState state) {
        String area = "1 accepted requests";
        int total = ledger.requests().size();
        Map<String, List<String>> requestedIds = events.idsBy(EventType.CONSULTATION_REQUESTED.topic(), "requestId");
        Map<String, List<String>> consultationsByRequest = groupConsultations(state.appointments());
        List<String> notInIntake = new ArrayList<>();
        List<String> notOneEvent = new ArrayList<>();
        List<String> notBooked = new ArrayList<>();
        List<String> noAccount = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        int booked = 0;
        int waitingCount = 0;
        for (Ledger.Request r : ledger.requests()) {
            PlatformState.Request stored = state.requests().get(r.requestId());
            if (stored == null || !r.patientId().equals(stored.patientId())) {
                notInIntake.add(r.requestId());
            }
            List<String> ids = requestedIds.getOrDefault(r.requestId(), List.of());
            if (ids.size() != 1) {
                notOneEvent.add(r.requestId() + " (" + ids.size() + " events)");
            }
            int consultations = consultationsByRequest
                    .getOrDefault(r.requestId(), List.of())
                    .size();
            boolean waits = state.waitingRequests().contains(r.requestId());
            if (consultations == 1) {
                booked++;
            } else if (consultations == 0 && waits) {
                waitingCount++;
            } else {
                notBooked.add(r.requestId() + " (" + consultations + " consultations)");
            }
            if (!state.accounts().contains(PlatformState.patientAtSite(r.patientId(), r.siteId()))) {
                noAccount.add(r.patientId());
            }
            for (String id : ids) {
                for (String service : List.of("scheduling-service", "billing-service")) {
                    if (!applied(
                            state,
                            consultationsByRequest,
                            new Subscription(
                                    service,
                                    EventType.CONSULTATION_REQUESTED.eventName(),
                                    EventType.CONSULTATION_REQUESTED),
                            id,
                            r.requestId(),
                            r.patientId(),
                            r.siteId())) {
                        notApplied.add(service + ":" + r.requestId());
                    }
                }
                if (!state.applied("monitoring-service", "indicators", id)) {
                    notApplied.add("monitoring-service:" + r.requestId());
                }
            }
        }
        add(area, "in intake, once", notInIntake, total + " requests accepted by the load");
        add(area, "one consultation-requested event each", notOneEvent, total + " with exactly one");
        add(
                area,
                "one consultation in scheduling (or waiting)",
                notBooked,
                booked + " booked once, " + waitingCount + " on the waiting list");
        add(area, "one billing account each", noAccount, (total - noAccount.size()) + " accounts");
        add(area, "applied by scheduling, billing, monitoring", notApplied, total * 3 + " applications");
        List<String> paymentsMissing = new ArrayList<>();
        for (Ledger.Payment p : ledger.payments()) {
            PlatformState.Invoice invoice = state.invoices().get(p.invoiceId());
            BigDecimal amount = new BigDecimal(p.amount());
            boolean found = invoice != null
                    && invoice.payments().stream()
                            .anyMatch(pay ->
                                    "PAYMENT".equals(pay.kind()) && pay.amount().compareTo(amount) == 0);
            if (!found) {
                paymentsMissing.add(p.invoiceId() + " " + p.amount());
            }
        }
        add(
                area,
                "every accepted payment posted",
                paymentsMissing,
                ledger.payments().size() + " payments accepted by billing");
    }

    private void checkLostEvents(TopicSnapshot events, PlatformState state) {
        String area = "2 no lost events";
        Map<String, PlatformState.Request> requests = state.requests();
        Map<String, PlatformState.Appointment> appointments = state.appointments();
        Map<String, PlatformState.Invoice> invoices = state.invoices();
        // intake
        oneEventPerFact(
                area,
                "intake: a consultation-requested per request",
                requests.keySet(),
                events.idsBy(EventType.CONSULTATION_REQUESTED.topic(), "requestId"));
        oneEventPerFact(
                area,
                "intake: a consultation-request-withdrawn per withdrawn request",
                filter(requests, r -> "WITHDRAWN".equals(r.status())),
                events.idsBy(EventType.CONSULTATION_REQUEST_WITHDRAWN.topic(), "requestId"));
        // scheduling
        Set<String> consultations = filter(appointments, a -> "CONSULTATION".equals(a.type()));
        Set<String> infusions = filter(appointments, a -> "INFUSION".equals(a.type()));
        oneEventPerFact(
                area,
                "scheduling: a consultation-scheduled per consultation",
                consultations,
                events.idsBy(EventType.CONSULTATION_SCHEDULED.topic(), "appointmentId"));
        oneEventPerFact(
                area,
                "scheduling: an infusion-scheduled per session",
                infusions,
                events.idsBy(EventType.INFUSION_SCHEDULED.topic(), "appointmentId"));
        oneEventPerFact(
                area,
                "scheduling: a consultation-completed per completed one",
                filter(appointments, a -> "CONSULTATION".equals(a.type()) && "COMPLETED".equals(a.status())),
                events.idsBy(EventType.CONSULTATION_COMPLETED.topic(), "appointmentId"));
        oneEventPerFact(
                area,
                "scheduling: a session-completed per completed session",
                filter(appointments, a -> "INFUSION".equals(a.type()) && "COMPLETED".equals(a.status())),
                events.idsBy(EventType.SESSION_COMPLETED.topic(), "appointmentId"));
        oneEventPerFact(
                area,
                "scheduling: a patient-no-show per missed session",
                filter(appointments, a -> "INFUSION".equals(a.type()) && "NO_SHOW".equals(a.status())),
                events.idsBy(EventType.PATIENT_NO_SHOW.topic(), "appointmentId"));
        oneEventPerFact(
                area,
                "scheduling: an infusion-cancelled per cancelled session",
                filter(appointments, a -> "INFUSION".equals(a.type()) && "CANCELLED".equals(a.status())),
                events.idsBy(EventType.INFUSION_CANCELLED.topic(), "appointmentId"));
        oneEventPerFact(
                area,
                "scheduling: a consultation-cancelled per cancelled consultation",
                filter(appointments, a -> "CONSULTATION".equals(a.type()) && "CANCELLED".equals(a.status())),
                events.idsBy(EventType.CONSULTATION_CANCELLED.topic(), "appointmentId"));
        oneEventPerFact(
                area,
                "scheduling: a consultation-no-show per missed consultation",
                filter(appointments, a -> "CONSULTATION".equals(a.type()) && "NO_SHOW".equals(a.status())),
                events.idsBy(EventType.CONSULTATION_NO_SHOW.topic(), "appointmentId"));
        // billing
        oneEventPerFact(
                area,
                "billing: an invoice-issued per issued invoice",
                filter(invoices, i -> i.issuedAt() != null),
                events.idsBy(EventType.INVOICE_ISSUED.topic(), "invoiceId"));
        oneEventPerFact(
                area,
                "billing: an invoice-voided per issued invoice voided",
                filter(invoices, i -> i.issuedAt() != null && "VOID".equals(i.status())),
                events.idsBy(EventType.INVOICE_VOIDED.topic(), "invoiceId"));
        Set<String> payments = new HashSet<>();
        invoices.values().forEach(i -> i.payments().forEach(p -> payments.add(p.id())));
        oneEventPerFact(
                area,
                "billing: a payment-received per payment or refund",
                payments,
                events.idsBy(EventType.PAYMENT_RECEIVED.topic(), "paymentId"));
        // consumers
        Map<String, List<String>> missing = new TreeMap<>();
        Map<String, Integer> expected = new TreeMap<>();
        Map<String, List<String>> consultationsByRequest = groupConsultations(state.appointments());
        for (Subscription s : SUBSCRIPTIONS) {
            for (TopicSnapshot.Event event : events.events(s.type().topic())) {
                expected.merge(s.service(), 1, Integer::sum);
                if (!applied(
                        state,
                        consultationsByRequest,
                        s,
                        event.id(),
                        event.text("requestId"),
                        event.text("patientId"),
                        event.text("siteId"))) {
                    missing.computeIfAbsent(s.service(), k -> new ArrayList<>())
                            .add(s.type().eventName() + " " + event.id());
                }
            }
        }
        for (String service : Platform.SERVICES) {
            add(
                    area,
                    service + " applied every event of its topics",
                    missing.getOrDefault(service, List.of()),
                    expected.getOrDefault(service, 0) + " (event, consumer) pairs");
        }
        List<String> dead = new ArrayList<>();
        for (EventType type : EventType.values()) {
            long n = events.records(type.topic() + ".dlt");
            if (n > 0) {
                dead.add(type.topic() + ".dlt: " + n);
            }
        }
        add(area, "no dead letters", dead, "0 records on the .dlt topics");
    }

    /** Each fact has exactly one distinct event, and no event names an unknown fact. */
    private void oneEventPerFact(String area, String name, Set<String> facts, Map<String, List<String>> idsByFact) {
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int twice = 0;
        int orphans = 0;
        for (String fact : facts) {
            int n = idsByFact.getOrDefault(fact, List.of()).size();
            if (n == 0) {
                lost++;
                problems.add(fact + ": no event");
            } else if (n > 1) {
                twice++;
                problems.add(fact + ": " + n + " events " + idsByFact.get(fact));
            }
        }
        for (String fact : idsByFact.keySet()) {
            if (!facts.contains(fact)) {
                orphans++;
                problems.add(fact + ": event without state");
            }
        }
        add(
                area,
                name,
                problems,
                facts.size() + " facts"
                        + (problems.isEmpty()
                                ? ""
                                : " (" + lost + " without event, " + twice + " with several, " + orphans
                                        + " events without state)"));
    }

    private void checkAppointments(PlatformState state) {
        Map<String, PlatformState.Appointment> appointments = state.appointments();
        String area = "3 no duplicate appointments";
        List<String> twice = new ArrayList<>();
        groupConsultations(appointments).forEach((request, ids) -> {
            if (ids.size() > 1) {
                twice.add(request + ": " + ids);
            }
        });
        add(
                area,
                "one consultation per request",
                twice,
                groupConsultations(appointments).size() + " requests booked");
        Map<String, List<String>> bySession = new HashMap<>();
        for (PlatformState.Appointment a : appointments.values()) {
            if ("INFUSION".equals(a.type())) {
                String planId = a.planId() == null ? "?" : a.planId();
                bySession
                        .computeIfAbsent(planId + "#" + a.sessionNumber(), k -> new ArrayList<>())
                        .add(a.id());
            }
        }
        List<String> sessionTwice = new ArrayList<>();
        bySession.forEach((session, ids) -> {
            if (ids.size() > 1) {
                sessionTwice.add(session + ": " + ids);
            }
        });
        add(area, "one appointment per plan session", sessionTwice, bySession.size() + " plan sessions");

        List<Intervals.Hold> chairs = new ArrayList<>();
        List<Intervals.Hold> clinicians = new ArrayList<>();
        for (PlatformState.Appointment a : appointments.values()) {
            if (!HOLDS_TIME.contains(a.status())) {
                continue;
            }
            Instant start = a.startsAt();
            Instant end = a.endsAt();
            Instant completed = a.completedAt();
            if (start == null || end == null) {
                continue;
            }
            if (completed != null && completed.isBefore(end)) {
                end = completed.isAfter(start) ? completed : start; // the rest of its time was freed
            }
            String site = a.siteId();
            if (a.chairId() != null) {
                chairs.add(new Intervals.Hold(site + "/" + a.chairId(), a.id(), start, end));
            }
            if ("CONSULTATION".equals(a.type()) && a.clinicianId() != null) {
                clinicians.add(new Intervals.Hold(a.clinicianId(), a.id(), start, end));
            }
        }
        add(
                area,
                "no chair held twice at a time",
                Intervals.clashes(chairs).stream().map(Object::toString).toList(),
                chairs.size() + " infusions holding a chair");
        add(
                area,
                "no physician booked twice at a time",
                Intervals.clashes(clinicians).stream().map(Object::toString).toList(),
                clinicians.size() + " consultations holding a physician");

        Map<String, String> holder = state.cellHolders();
        List<String> unheld = new ArrayList<>();
        int cells = 0;
        for (PlatformState.Appointment a : appointments.values()) {
            if (!"SCHEDULED".equals(a.status())) {
                continue;
            }
            for (String cell : a.cells()) {
                cells++;
                String owner = holder.get(cell);
                if (!a.id().equals(owner)) {
                    unheld.add(a.id() + " " + cell + " held by " + owner);
                }
            }
        }
        add(area, "every booked cell held by its appointment", unheld, cells + " cells of scheduled appointments");
    }

    private void checkCharges(
            Map<String, PlatformState.Appointment> appointments, Map<String, PlatformState.Invoice> invoices) {
        String area = "4 no double charges";
        Map<String, List<String>> bySource = new TreeMap<>();
        for (PlatformState.Invoice i : invoices.values()) {
            if (i.sourceId() != null && !"MANUAL".equals(i.source())) {
                bySource.computeIfAbsent(i.source() + " " + i.sourceId(), k -> new ArrayList<>())
                        .add(i.id());
            }
        }
        List<String> twice = new ArrayList<>();
        bySource.forEach((source, ids) -> {
            if (ids.size() > 1) {
                twice.add(source + ": " + ids);
            }
        });
        add(area, "one invoice per charged source", twice, bySource.size() + " charged sources");

        chargedOnce(
                area,
                "each completed session invoiced once",
                "SESSION",
                filter(appointments, a -> "INFUSION".equals(a.type()) && "COMPLETED".equals(a.status())),
                bySource,
                true);
        chargedOnce(
                area,
                "each completed chaos-site consultation invoiced once",
                "CONSULTATION",
                filter(
                        appointments,
                        a -> "CONSULTATION".equals(a.type())
                                && "COMPLETED".equals(a.status())
                                && ChaosLoad.SITE.equals(a.siteId())),
                bySource,
                true);
        chargedOnce(
                area,
                "consultation invoices only for completed ones",
                "CONSULTATION",
                filter(appointments, a -> "CONSULTATION".equals(a.type()) && "COMPLETED".equals(a.status())),
                bySource,
                false);
        chargedOnce(
                area,
                "no-show fees only for no-shows, once",
                "NO_SHOW",
                filter(appointments, a -> "NO_SHOW".equals(a.status())),
                bySource,
                false);

        List<String> wrong = new ArrayList<>();
        int payments = 0;
        for (PlatformState.Invoice i : invoices.values()) {
            List<PlatformState.Payment> posted = i.payments();
            payments += posted.size();
            Set<String> ids = new HashSet<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (PlatformState.Payment p : posted) {
                if (!ids.add(p.id())) {
                    wrong.add(i.id() + ": payment " + p.id() + " posted twice");
                }
                sum = "REFUND".equals(p.kind()) ? sum.subtract(p.amount()) : sum.add(p.amount());
            }
            BigDecimal paid = i.paid();
            BigDecimal owed = i.patientResponsibility();
            if (sum.compareTo(paid) != 0) {
                wrong.add(i.id() + ": payments add up to " + sum + " but paid is " + paid);
            }
            if (paid.compareTo(owed) > 0) {
                wrong.add(i.id() + ": paid " + paid + " exceeds the " + owed + " owed");
            }
        }
        add(
                area,
                "payments add up, none exceeds what is owed",
                wrong,
                invoices.size() + " invoices, " + payments + " payments");
    }

    /**
     * Invoices of the source refer only to those appointments, at most once each; with {@code
     * every}, each of them has exactly one.
     */
    private void chargedOnce(
            String area,
            String name,
            String source,
            Set<String> appointments,
            Map<String, List<String>> bySource,
            boolean every) {
        List<String> problems = new ArrayList<>();
        int charged = 0;
        for (String appointment : appointments) {
            int n = bySource.getOrDefault(source + " " + appointment, List.of()).size();
            charged += Math.min(n, 1);
            if (n > 1 || (every && n == 0)) {
                problems.add(appointment + ": " + n + " invoices");
            }
        }
        if (!every) {
            for (String key : bySource.keySet()) {
                if (key.startsWith(source + " ") && !appointments.contains(key.substring(source.length() + 1))) {
                    problems.add(key + ": invoiced but not in that state");
                }
            }
        }
        add(area, name, problems, appointments.size() + " appointments, " + charged + " invoiced");
    }

    private void checkMonitoring(PlatformState state, boolean rebuild) throws IOException, InterruptedException {
        String area = "5 monitoring";
        Map<String, Double> before = stableIndicators();
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        Collection<PlatformState.Appointment> appointments =
                state.appointments().values();
        countSites(
                expected,
                "clinic_consultation_requests_total",
                state.requests().values().stream()
                        .map(PlatformState.Request::siteId)
                        .toList());
        count(expected, "clinic_consultations_scheduled_total", appointments, a -> "CONSULTATION".equals(a.type()));
        count(
                expected,
                "clinic_consultations_completed_total",
                appointments,
                a -> "CONSULTATION".equals(a.type()) && "COMPLETED".equals(a.status()));
        count(expected, "clinic_infusions_scheduled_total", appointments, a -> "INFUSION".equals(a.type()));
        count(
                expected,
                "clinic_infusions_completed_total",
                appointments,
                a -> "INFUSION".equals(a.type()) && "COMPLETED".equals(a.status()));
        count(
                expected,
                "clinic_no_shows_total",
                appointments,
                a -> "INFUSION".equals(a.type()) && "NO_SHOW".equals(a.status()));
        count(
                expected,
                "clinic_cancellations_total",
                appointments,
                a -> "INFUSION".equals(a.type()) && "CANCELLED".equals(a.status()));
        List<String> off = new ArrayList<>();
        long compared = 0;
        for (Map.Entry<String, Map<String, Long>> metric : expected.entrySet()) {
            Map<String, Double> actual = new HashMap<>();
            before.forEach((key, value) -> {
                // a session put on hold (reason CLINICAL_HOLD) is no cancellation: scheduling keeps it ON_HOLD
                if (key.startsWith(metric.getKey() + "{") && !"CLINICAL_HOLD".equals(Series.label(key, "reason"))) {
                    actual.merge(Series.label(key, "site"), value, Double::sum);
                }
            });
            Set<String> sites = new TreeSet<>(metric.getValue().keySet());
            sites.addAll(actual.keySet());
            for (String site : sites) {
                compared++;
                long want = metric.getValue().getOrDefault(site, 0L);
                double got = actual.getOrDefault(site, 0.0);
                if (Math.abs(got - want) > 1e-9) {
                    off.add(metric.getKey() + "{site=" + site + "}: monitoring " + (long) got + ", state " + want);
                }
            }
        }
        add(area, "counters equal the platform's state", off, compared + " (counter, site) pairs");

        if (!rebuild) {
            return;
        }
        HttpResponse<String> rebuilt = platform.http()
                .send(
                        platform.request("monitoring-service", "/api/admin/projections/rebuild")
                                .timeout(Duration.ofMinutes(15))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (rebuilt.statusCode() != 200) {
            add(area, "figures equal a fresh replay", List.of("rebuild answered HTTP " + rebuilt.statusCode()), "");
            return;
        }
        Map<String, Double> after = stableIndicators();
        List<String> differences = new ArrayList<>(Series.differences(before, after));
        if (before.isEmpty() || after.isEmpty()) {
            differences.add(
                    0, "no indicator series scraped " + (before.isEmpty() ? "before" : "after") + " the rebuild");
        }
        add(
                area,
                "figures equal a fresh replay",
                differences,
                before.size() + " indicator series; rebuild " + rebuilt.body().strip());
    }

    private static void count(
            Map<String, Map<String, Long>> expected,
            String metric,
            Collection<PlatformState.Appointment> appointments,
            Predicate<PlatformState.Appointment> which) {
        countSites(
                expected,
                metric,
                appointments.stream()
                        .filter(which)
                        .map(PlatformState.Appointment::siteId)
                        .toList());
    }

    /** Counts the facts per site, one per site given. */
    private static void countSites(Map<String, Map<String, Long>> expected, String metric, List<String> sites) {
        Map<String, Long> bySite = expected.computeIfAbsent(metric, k -> new TreeMap<>());
        for (String site : sites) {
            if (site != null && !site.isEmpty()) {
                bySite.merge(site, 1L, Long::sum);
            }
        }
    }

    /**
     * Monitoring's indicator series once scrapes three seconds apart have agreed for {@link
     * #indicatorsStableFor} (giving up after a minute, or three times that).
     */
    private Map<String, Double> stableIndicators() throws IOException, InterruptedException {
        Predicate<String> indicator =
                name -> name.startsWith("clinic_") && NOT_INDICATORS.stream().noneMatch(name::startsWith);
        Map<String, Double> previous = Map.of();
        long unchangedSince = System.nanoTime();
        Duration limit = Duration.ofSeconds(60).compareTo(indicatorsStableFor.multipliedBy(3)) > 0
                ? Duration.ofSeconds(60)
                : indicatorsStableFor.multipliedBy(3);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            HttpResponse<String> scrape = platform.getManagement("monitoring-service", "/actuator/prometheus");
            Map<String, Double> now = scrape.statusCode() == 200 ? Series.parse(scrape.body(), indicator) : Map.of();
            if (now.isEmpty() || !now.equals(previous)) {
                unchangedSince = System.nanoTime();
            } else if (System.nanoTime() - unchangedSince >= indicatorsStableFor.toNanos()) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                return now;
            }
            previous = now;
            Thread.sleep(3000);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void add(String area, String check, List<String> problems, String detail) {
        String text = detail;
        if (!problems.isEmpty()) {
            text = problems.size() + " wrong, e.g. "
                    + problems.stream().limit(3).collect(Collectors.joining("; "))
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
        checks.add(new Check(area, check, problems.isEmpty(), text));
    }

    /**
     * Whether the consumer applied the event: its inbox entry, or, for a handler that keeps none
     * because it is idempotent by the event's own keys ({@link #KEEP_NO_RECORD}), the state that
     * applying it leaves: scheduling's consultation for the request, its waiting-list place or the
     * withdrawn request; billing's account of the patient at the site.
     */
    private static boolean applied(
            PlatformState state,
            Map<String, List<String>> consultationsByRequest,
            Subscription s,
            String eventId,
            String requestId,
            String patientId,
            String siteId) {
        if (state.applied(s.service(), s.handler(), eventId)) {
            return true;
        }
        if (!KEEP_NO_RECORD.contains(s)) {
            return false;
        }
        if (s.service().equals("scheduling-service")) {
            PlatformState.Request request = state.requests().get(requestId);
            return consultationsByRequest.containsKey(requestId)
                    || state.waitingRequests().contains(requestId)
                    || (request != null && "WITHDRAWN".equals(request.status()));
        }
        return state.accounts().contains(PlatformState.patientAtSite(patientId, siteId));
    }

    private static Map<String, List<String>> groupConsultations(Map<String, PlatformState.Appointment> appointments) {
        Map<String, List<String>> byRequest = new HashMap<>();
        appointments.forEach((id, a) -> {
            if ("CONSULTATION".equals(a.type()) && a.requestId() != null) {
                byRequest.computeIfAbsent(a.requestId(), k -> new ArrayList<>()).add(id);
            }
        });
        return byRequest;
    }

    private static <T> Set<String> filter(Map<String, T> facts, Predicate<T> which) {
        Set<String> ids = new HashSet<>();
        facts.forEach((id, fact) -> {
            if (which.test(fact)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** An amount as the services' APIs give it (a decimal string); zero when absent. */
    static BigDecimal decimal(@Nullable Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal(String.valueOf(value));
    }

    /** Prints the table of checks; true if every one passed. */
    static boolean print(List<Check> checks, PrintStream out) {
        int area = "area".length();
        int check = "check".length();
        for (Check c : checks) {
            area = Math.max(area, c.area().length());
            check = Math.max(check, c.check().length());
        }
        String format = "%-" + area + "s  %-" + check + "s  %-6s %s%n";
        out.printf(format, "area", "check", "result", "detail");
        for (Check c : checks) {
            out.printf(format, c.area(), c.check(), c.passed() ? "PASS" : "FAIL", c.detail());
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        out.println();
        out.println(
                failed == 0
                        ? "All " + checks.size() + " checks passed."
                        : failed + " of " + checks.size() + " checks FAILED.");
        return failed == 0;
    }
}
