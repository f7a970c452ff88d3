package org.clinicops.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.clinicops.demo.ClinicClient.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The billing desk's work for one patient, beside the clinical steps of the journey and each at the
 * business time it is due: a checkout a little after every visit that billing charges (the patient
 * pays the issued invoices in full, half, or leaves them open); an invoice issued in error voided a
 * couple of hours after its issue, and never paid (billing has no reissue: the void is the end of
 * it); assistance decided and applied a day after a self-pay invoice was issued, for a patient who did
 * not ask for it with her request, who then pays what is left. An invoice is judged once, the first
 * time a checkout sees it; nothing is paid on one waiting to be voided or discounted, since billing
 * voids only an unpaid invoice and never discounts below what was paid.
 */
final class PatientBilling {

    /** A checkout comes this long after the visit: billing has charged it from the event by then. */
    static final Duration CHECKOUT_AFTER = Duration.ofMinutes(30);

    /** Billing staff review the day's invoices: one issued in error is voided this long after its issue. */
    static final Duration VOID_AFTER = Duration.ofHours(2);

    /** The patient asks for assistance with the bill: billing decides and applies it this long after the issue. */
    static final Duration ASSISTANCE_AFTER = Duration.ofDays(1);

    /** A step the services could not take (unreachable, 5xx) is tried again this many times. */
    private static final int ATTEMPTS = 30;

    /** Billing's default sliding scale is a share of the 2025 HHS poverty guideline (billing's configuration). */
    private static final int GUIDELINE_FIRST_PERSON = 15_650;

    private static final int GUIDELINE_EACH_ADDITIONAL = 5_500;

    private enum Kind {
        CHECKOUT,
        VOID,
        ASSISTANCE
    }

    /** A step due at a business instant; {@code invoice} as a checkout saw it (null for a checkout). */
    private static final class Task {
        final Kind kind;
        final Instant at;
        final @Nullable JsonNode invoice;
        int failures;

        Task(Kind kind, Instant at, @Nullable JsonNode invoice) {
            this.kind = kind;
            this.at = at;
            this.invoice = invoice;
        }

        JsonNode invoice() {
            JsonNode seen = invoice;
            if (seen == null) {
                throw new IllegalStateException(kind + " without an invoice");
            }
            return seen;
        }
    }

    private final ClinicClient api;
    private final RandomGenerator random;
    private final DemoRates rates;
    private final DemoStats stats;
    private final DemoTime time;
    private final String siteId;
    private final String patientId;
    private final Duration retry;

    private final List<Task> tasks = new ArrayList<>();
    /** Invoices a checkout has judged (once each). */
    private final Set<String> judged = new HashSet<>();
    /** Invoices waiting to be voided or discounted: nothing is paid on them. */
    private final Set<String> held = new HashSet<>();
    /** Whether the patient has an assistance decision (asked with her request, or after an invoice). */
    private boolean assistanceDecided;
    /** Whether the decision asked for after an invoice was recorded (it is applied next). */
    private boolean decidedAfterIssue;

    PatientBilling(
            ClinicClient api,
            RandomGenerator random,
            DemoRates rates,
            DemoStats stats,
            DemoTime time,
            String siteId,
            String patientId,
            Duration retry) {
        this.api = api;
        this.random = random;
        this.rates = rates;
        this.stats = stats;
        this.time = time;
        this.siteId = siteId;
        this.patientId = patientId;
        this.retry = retry;
    }

    /** The patient asked for assistance with her request: billing discounts her invoices as it issues them. */
    void assistanceDecided() {
        assistanceDecided = true;
    }

    /** A visit billing charges (a session completed or stopped, a no-show, a late cancellation) just ended. */
    void visitEnded() {
        tasks.add(new Task(Kind.CHECKOUT, time.now().plus(CHECKOUT_AFTER), null));
    }

    /** Does every step that is due, earliest first. */
    void doDue() {
        Instant now = time.now();
        List<Task> due = tasks.stream()
                .filter(task -> !task.at.isAfter(now))
                .sorted(Comparator.comparing(task -> task.at))
                .toList();
        for (Task task : due) {
            boolean done = switch (task.kind) {
                case CHECKOUT -> checkout();
                case VOID -> voidInvoice(task.invoice());
                case ASSISTANCE -> applyAssistance(task.invoice());
            };
            if (done) {
                tasks.remove(task);
            } else if (++task.failures >= ATTEMPTS) {
                tasks.remove(task);
                stats.count("billing steps abandoned (" + task.kind.name().toLowerCase(Locale.ROOT) + ")");
            }
        }
    }

    /**
     * The real wait until the next step, {@code sooner} if that comes first; null when nothing is left
     * and {@code sooner} is null. A step that is due still (it failed) is tried again after the retry.
     */
    @Nullable
    Duration sooner(@Nullable Duration sooner) {
        Instant next = tasks.stream()
                .map(task -> task.at)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (next == null) {
            return sooner;
        }
        Duration wait = next.isAfter(time.now()) ? time.until(next) : retry;
        return sooner == null || wait.compareTo(sooner) < 0 ? wait : sooner;
    }

    /**
     * Judges each issued invoice the first time it is seen (voided, discounted later, or paid) and
     * pays the open ones; false when billing could not be read.
     */
    private boolean checkout() {
        Response invoices = api.get(
                "billing", "/api/invoices?patientId=" + ClinicClient.query(patientId) + "&status=ISSUED&size=20");
        if (!invoices.ok()) {
            return invoices.status() != 0 && invoices.status() < 500;
        }
        for (JsonNode invoice : invoices.body().path("content")) {
            String id = invoice.path("id").asString();
            if (new BigDecimal(invoice.path("balance").asString("0")).signum() <= 0 || held.contains(id)) {
                continue;
            }
            if (judged.add(id) && judge(invoice)) {
                held.add(id);
                continue;
            }
            pay(invoice);
        }
        return true;
    }

    /** Whether the invoice waits to be voided or discounted (a step is planned for it). */
    private boolean judge(JsonNode invoice) {
        Instant issuedAt =
                Instant.parse(invoice.path("issuedAt").asString(time.now().toString()));
        if (random.nextDouble() < rates.invoiceVoid()) {
            tasks.add(new Task(Kind.VOID, later(issuedAt.plus(VOID_AFTER), time.now()), invoice));
            return true;
        }
        boolean eligible = !assistanceDecided
                && invoice.path("payerType").asString("").equals("SELF_PAY")
                && invoice.path("discountPercent").asInt(0) == 0;
        if (eligible && random.nextDouble() < rates.assistanceAfterIssue()) {
            assistanceDecided = true; // one decision: it covers her later invoices as billing issues them
            tasks.add(new Task(Kind.ASSISTANCE, later(issuedAt.plus(ASSISTANCE_AFTER), time.now()), invoice));
            return true;
        }
        return false;
    }

    /** Voids an invoice issued in error, with a reason billing keeps (never an event's). */
    private boolean voidInvoice(JsonNode invoice) {
        String id = invoice.path("id").asString();
        String source = invoice.path("source").asString("");
        String reason = source.equals("NO_SHOW") || source.equals("LATE_CANCELLATION")
                ? "Fee waived: the patient could not come for a reason the clinic accepts"
                : "Issued in error: the clinic writes the charge off";
        Response voided = api.post("billing", "/api/invoices/" + id + "/void", Map.of("reason", reason));
        if (voided.status() == 0 || voided.status() >= 500) {
            return false;
        }
        held.remove(id);
        if (voided.ok()) {
            stats.count("invoices voided");
        }
        return true;
    }

    /**
     * The patient asked for assistance after the bill came: billing records her decision (from the day
     * before the service on, so it covers the invoice in the site's time zone too), applies it to the
     * invoice, and the patient pays what is left.
     */
    private boolean applyAssistance(JsonNode invoice) {
        String id = invoice.path("id").asString();
        if (!decidedAfterIssue) {
            Response decided = decide(
                    Instant.parse(invoice.path("serviceAt").asString(time.now().toString())));
            if (decided.status() == 0 || decided.status() >= 500) {
                return false;
            }
            if (!decided.ok() || decided.body().path("discountPercent").asInt(0) == 0) {
                held.remove(id); // no discount to apply: the invoice is paid as any other
                return true;
            }
            decidedAfterIssue = true;
        }
        Response applied = api.post("billing", "/api/invoices/" + id + "/assistance", null);
        if (applied.status() == 0 || applied.status() >= 500) {
            return false;
        }
        held.remove(id);
        if (applied.ok()) {
            stats.count("assistance applied after issue");
            pay(applied.body());
        }
        return true;
    }

    private Response decide(Instant serviceAt) {
        int household = 1 + random.nextInt(5);
        int guideline = GUIDELINE_FIRST_PERSON + GUIDELINE_EACH_ADDITIONAL * (household - 1);
        // 80 % to 280 % of the guideline: inside the default scale's tiers (up to 300 %)
        long income = Math.round(guideline * (0.8 + 2 * random.nextDouble()) / 100) * 100;
        LocalDate today = LocalDate.ofInstant(time.now(), ZoneOffset.UTC);
        Response decided = api.post(
                "billing",
                "/api/patients/" + patientId + "/assistance-decisions",
                Map.of(
                        "siteId", siteId,
                        "householdSize", household,
                        "householdIncome", String.valueOf(income),
                        "effectiveFrom",
                                LocalDate.ofInstant(serviceAt, ZoneOffset.UTC)
                                        .minusDays(1)
                                        .toString(),
                        "effectiveTo", today.plusYears(1).toString()));
        if (decided.ok()) {
            stats.count("assistance decisions (after an invoice)");
        }
        return decided;
    }

    /** The patient pays an open invoice in full, half of it, or leaves it open for now. */
    private void pay(JsonNode invoice) {
        BigDecimal balance = new BigDecimal(invoice.path("balance").asString("0"));
        if (balance.signum() <= 0) {
            return;
        }
        double p = random.nextDouble();
        BigDecimal amount = p < rates.paysInFull()
                ? balance
                : p < rates.paysInFull() + 0.1
                        ? balance.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN)
                        : null;
        if (amount != null
                && api.post(
                                "billing",
                                "/api/invoices/" + invoice.path("id").asString() + "/payments",
                                Map.of(
                                        "amount",
                                        amount.toPlainString(),
                                        "method",
                                        random.nextDouble() < 0.85 ? "CARD" : "CASH"))
                        .ok()) {
            stats.count("payments");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
