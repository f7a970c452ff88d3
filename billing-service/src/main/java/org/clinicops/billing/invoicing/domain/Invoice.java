package org.clinicops.billing.invoicing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.InvoiceAdjusted;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.InvoiceVoided;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.events.SessionStopped;
import org.clinicops.platform.change.StatusGuard;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * An invoice: lines, discount, total, what the patient owes and what was paid, with every change in
 * its history. Issuing raises invoice-issued; payments and refunds raise payment-received; once
 * issued, assistance or a series package applied raises invoice-adjusted (the new patient share) and
 * a void raises invoice-voided. A draft was never announced, so its changes raise nothing. The
 * version guards against two clerks changing the same invoice at once. Stored by the invoicing
 * adapter (collection, indexes); {@code id} and {@code version} are its identity and optimistic lock.
 */
public class Invoice extends AggregateRoot {

    @Id
    private String id;

    @Version
    private @Nullable Long version;

    private String patientId;

    private String siteId;
    private PayerType payerType;
    private InvoiceIssued.Source source;
    private @Nullable String sourceId;
    private @Nullable String courseId;
    private SessionStopped.@Nullable Reason stopReason;
    private @Nullable Condition condition;
    private InvoiceStatus status;
    private String currency;
    private List<InvoiceLine> lines = new ArrayList<>();
    private BigDecimal subtotal = Money.ZERO;
    private BigDecimal discount = Money.ZERO;
    private int discountPercent;
    private @Nullable String assistanceTier;
    private boolean prepaid;
    private BigDecimal total = Money.ZERO;
    private BigDecimal patientResponsibility = Money.ZERO;
    private BigDecimal paid = Money.ZERO;
    private Instant serviceAt;
    private Instant createdAt;
    private @Nullable Instant issuedAt;
    private List<Payment> payments = new ArrayList<>();
    private List<Instalment> paymentPlan = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();

    Invoice() {}

    /** An invoice for a charge from a clinical event: issued at once. */
    public static Invoice charge(String id, Charge charge, String eventId, Instant now) {
        Invoice invoice = create(
                id,
                charge.patientId(),
                charge.siteId(),
                charge.payerType(),
                charge.currency(),
                charge.source(),
                charge.sourceId(),
                charge.serviceAt(),
                charge.lines(),
                "billing-service",
                now);
        invoice.courseId = charge.courseId();
        invoice.condition = charge.condition();
        SessionStopped.@Nullable Reason stopReason = charge.stopReason();
        invoice.stopReason = stopReason;
        if (stopReason != null) {
            invoice.record(now, "billing-service", "STOPPED", "session stopped early: " + stopReason);
        }
        invoice.prepaid = charge.prepaid();
        invoice.discountPercent = charge.prepaid() ? 100 : charge.discountPercent();
        invoice.assistanceTier = charge.assistanceTier();
        invoice.recalculate();
        invoice.issue("billing-service", eventId, now);
        return invoice;
    }

    /**
     * A manual invoice for a service given for {@code condition} (the patient's condition at the site
     * when the draft is made), kept as a draft until staff issue it.
     */
    public static Invoice draft(
            String id,
            String patientId,
            String siteId,
            PayerType payerType,
            String currency,
            Instant serviceAt,
            List<InvoiceLine> lines,
            String by,
            Instant now,
            @Nullable Condition condition) {
        Invoice invoice = draft(id, patientId, siteId, payerType, currency, serviceAt, lines, by, now);
        invoice.condition = condition;
        return invoice;
    }

    /** A manual invoice, kept as a draft until staff issue it. */
    public static Invoice draft(
            String id,
            String patientId,
            String siteId,
            PayerType payerType,
            String currency,
            Instant serviceAt,
            List<InvoiceLine> lines,
            String by,
            Instant now) {
        if (lines.isEmpty()) {
            throw new InvalidRequestException("lines", "must not be empty");
        }
        Invoice invoice = create(
                id,
                patientId,
                siteId,
                payerType,
                currency,
                InvoiceIssued.Source.MANUAL,
                null,
                serviceAt,
                lines,
                by,
                now);
        invoice.recalculate();
        return invoice;
    }

    private static Invoice create(
            String id,
            String patientId,
            String siteId,
            PayerType payerType,
            String currency,
            InvoiceIssued.Source source,
            @Nullable String sourceId,
            Instant serviceAt,
            List<InvoiceLine> lines,
            String by,
            Instant now) {
        Invoice invoice = new Invoice();
        invoice.id = id;
        invoice.patientId = patientId;
        invoice.siteId = siteId;
        invoice.payerType = payerType;
        invoice.currency = currency;
        invoice.source = source;
        invoice.sourceId = sourceId;
        invoice.serviceAt = serviceAt;
        invoice.lines = new ArrayList<>(lines);
        invoice.status = InvoiceStatus.DRAFT;
        invoice.createdAt = now;
        invoice.record(now, by, "CREATED", source + " " + lines.size() + " line(s)");
        return invoice;
    }

    /** Issues a draft: the patient now owes the patient responsibility. */
    public void issue(String by, String eventId, Instant now) {
        requireStatus("issue", InvoiceStatus.DRAFT);
        status = InvoiceStatus.ISSUED;
        issuedAt = now;
        record(now, by, "ISSUED", "total " + Money.format(total) + " " + currency);
        settle();
        raise(
                new InvoiceIssued(
                        id,
                        patientId,
                        siteId,
                        payerType,
                        source,
                        sourceId,
                        currency,
                        lines.stream()
                                .map(l -> new InvoiceIssued.Line(l.code(), l.units(), l.unitPrice(), l.amount()))
                                .toList(),
                        subtotal,
                        discount,
                        total,
                        patientResponsibility,
                        assistanceTier != null,
                        now),
                eventId,
                now);
    }

    /** Posts a payment; it never exceeds the balance. */
    public Payment recordPayment(
            String paymentId,
            BigDecimal amount,
            PaymentReceived.Method method,
            String by,
            String eventId,
            Instant now) {
        BigDecimal value = positive(amount);
        requireStatus("pay", InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);
        if (value.compareTo(balance()) > 0) {
            throw new ConflictException(
                    "OVERPAYMENT",
                    "payment " + Money.format(value) + " exceeds the balance " + Money.format(balance()),
                    Map.of("balance", Money.format(balance())));
        }
        paid = Money.cents(paid.add(value));
        Payment payment = new Payment(paymentId, PaymentReceived.Kind.PAYMENT, method, value, null, now, by);
        payments.add(payment);
        record(now, by, "PAYMENT", method + " " + Money.format(value));
        settle();
        raisePayment(payment, eventId, now);
        return payment;
    }

    /** Refunds part of what was paid; never more than was paid. */
    public Payment refund(String paymentId, BigDecimal amount, String reason, String by, String eventId, Instant now) {
        BigDecimal value = positive(amount);
        if (reason.isBlank()) {
            throw new InvalidRequestException("reason", "must not be blank");
        }
        requireStatus("refund", InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID);
        if (value.compareTo(paid) > 0) {
            throw new ConflictException(
                    "REFUND_EXCEEDS_PAID",
                    "refund " + Money.format(value) + " exceeds what was paid " + Money.format(paid),
                    Map.of("paid", Money.format(paid)));
        }
        paid = Money.cents(paid.subtract(value));
        PaymentReceived.Method method = payments.isEmpty()
                ? PaymentReceived.Method.CARD
                : payments.get(payments.size() - 1).method();
        Payment refund = new Payment(paymentId, PaymentReceived.Kind.REFUND, method, value, reason, now, by);
        payments.add(refund);
        record(now, by, "REFUND", Money.format(value) + ": " + reason);
        settle();
        raisePayment(refund, eventId, now);
        return refund;
    }

    /**
     * Voids an invoice nothing is paid on; a reason is required (it stays in the invoice's history,
     * never in an event). Voiding an issued invoice raises invoice-voided with what it billed; a void
     * invoice cannot be voided again (409), so the event leaves once.
     */
    public void voidInvoice(String reason, String by, String eventId, Instant now) {
        if (reason.isBlank()) {
            throw new InvalidRequestException("reason", "must not be blank");
        }
        requireStatus("void", InvoiceStatus.DRAFT, InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);
        if (paid.signum() > 0) {
            throw new ConflictException(
                    "REFUND_FIRST", "refund the " + Money.format(paid) + " paid before voiding the invoice");
        }
        boolean wasIssued = status != InvoiceStatus.DRAFT;
        status = InvoiceStatus.VOID;
        record(now, by, "VOIDED", reason);
        if (wasIssued) {
            raise(
                    new InvoiceVoided(
                            id, patientId, siteId, source, sourceId, currency, total, patientResponsibility, now),
                    eventId,
                    now);
        }
    }

    /**
     * Applies a sliding-scale discount to an invoice still owed; the total never drops below what was
     * paid. On an issued invoice it raises invoice-adjusted with the new patient share; applying the
     * same tier and discount again changes nothing and raises nothing.
     */
    public void applyAssistance(int percent, String tier, String by, String eventId, Instant now) {
        if (percent < 0 || percent > 100) {
            throw new InvalidRequestException("discountPercent", "must be between 0 and 100");
        }
        requireStatus("apply assistance to", InvoiceStatus.DRAFT, InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);
        if (percent == discountPercent && tier.equals(assistanceTier)) {
            return; // already applied: a retried request
        }
        int before = discountPercent;
        String tierBefore = assistanceTier;
        BigDecimal shareBefore = patientResponsibility;
        discountPercent = percent;
        assistanceTier = tier;
        recalculate();
        if (patientResponsibility.compareTo(paid) < 0) {
            discountPercent = before;
            assistanceTier = tierBefore;
            recalculate();
            throw new ConflictException("DISCOUNT_BELOW_PAID", "the discounted total would be less than what was paid");
        }
        record(now, by, "ASSISTANCE", "tier " + tier + " " + percent + "% discount " + Money.format(discount));
        settle();
        if (status != InvoiceStatus.DRAFT) {
            raiseAdjusted(InvoiceAdjusted.Reason.ASSISTANCE, shareBefore, eventId, now);
        }
    }

    /**
     * Whether a prepaid series package may still cover this invoice: an issued session invoice not
     * covered yet, with nothing paid on it. Checked before a package session is used for it.
     *
     * @throws ConflictException (409) naming why not
     */
    public void requireSeriesPackageApplies() {
        requireStatus("apply a series package to", InvoiceStatus.ISSUED);
        if (source != InvoiceIssued.Source.SESSION || sourceId == null) {
            throw new ConflictException(
                    "NOT_A_SESSION", "a series package covers infusion sessions, not a " + source + " invoice");
        }
        if (prepaid) {
            throw new ConflictException("ALREADY_PREPAID", "a series package already covers this invoice");
        }
    }

    /**
     * A prepaid series package now covers this issued session invoice (bought after it was issued):
     * the patient owes nothing on it. Raises invoice-adjusted with the new patient share (0).
     */
    public void applySeriesPackage(String packageId, String by, String eventId, Instant now) {
        requireSeriesPackageApplies();
        BigDecimal shareBefore = patientResponsibility;
        prepaid = true;
        discountPercent = 100;
        recalculate();
        record(now, by, "SERIES_PACKAGE", "covered by package " + packageId + ", discount " + Money.format(discount));
        settle();
        raiseAdjusted(InvoiceAdjusted.Reason.SERIES_PACKAGE, shareBefore, eventId, now);
    }

    private void raiseAdjusted(InvoiceAdjusted.Reason reason, BigDecimal shareBefore, String eventId, Instant now) {
        raise(
                new InvoiceAdjusted(
                        id,
                        patientId,
                        siteId,
                        source,
                        sourceId,
                        reason,
                        currency,
                        subtotal,
                        discount,
                        total,
                        patientResponsibility,
                        shareBefore,
                        assistanceTier != null,
                        prepaid,
                        now),
                eventId,
                now);
    }

    /** Splits the balance into instalments due every {@code intervalDays} from {@code firstDue}. */
    public void planPayments(int instalments, LocalDate firstDue, int intervalDays, String by, Instant now) {
        if (instalments < 2 || instalments > 24) {
            throw new InvalidRequestException("instalments", "must be between 2 and 24");
        }
        if (intervalDays < 1) {
            throw new InvalidRequestException("intervalDays", "must be at least 1");
        }
        requireStatus("plan payments for", InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);
        BigDecimal owed = balance();
        BigDecimal each = owed.divide(BigDecimal.valueOf(instalments), 2, RoundingMode.DOWN);
        List<Instalment> plan = new ArrayList<>();
        for (int i = 1; i <= instalments; i++) {
            BigDecimal amount = i < instalments
                    ? each
                    : Money.cents(owed.subtract(each.multiply(BigDecimal.valueOf(instalments - 1))));
            plan.add(new Instalment(i, firstDue.plusDays((long) intervalDays * (i - 1)), amount));
        }
        paymentPlan = plan;
        record(now, by, "PAYMENT_PLAN", instalments + " instalments from " + firstDue);
    }

    private void recalculate() {
        subtotal = Money.cents(lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        discount = Money.percentOf(subtotal, discountPercent);
        total = Money.cents(subtotal.subtract(discount));
        patientResponsibility = total;
    }

    private void settle() {
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.VOID) {
            return;
        }
        if (balance().signum() == 0) {
            status = InvoiceStatus.PAID;
        } else if (paid.signum() > 0) {
            status = InvoiceStatus.PARTIALLY_PAID;
        } else {
            status = InvoiceStatus.ISSUED;
        }
    }

    private void raisePayment(Payment payment, String eventId, Instant now) {
        raise(
                new PaymentReceived(
                        payment.id(),
                        id,
                        patientId,
                        siteId,
                        payment.kind(),
                        payment.method(),
                        payment.amount(),
                        currency,
                        balance(),
                        now),
                eventId,
                now);
    }

    private void requireStatus(String action, InvoiceStatus... allowed) {
        StatusGuard.require(action, "an invoice", status, Set.of(allowed));
    }

    private static BigDecimal positive(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new InvalidRequestException("amount", "must be greater than 0");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidRequestException("amount", "must have at most 2 decimals");
        }
        return Money.cents(amount);
    }

    private void record(Instant at, String by, String action, String detail) {
        history.add(new HistoryEntry(at, by, action, detail));
    }

    public BigDecimal balance() {
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.VOID) {
            return Money.ZERO;
        }
        return Money.cents(patientResponsibility.subtract(paid));
    }

    public String id() {
        return id;
    }

    public String patientId() {
        return patientId;
    }

    public String siteId() {
        return siteId;
    }

    public PayerType payerType() {
        return payerType;
    }

    public InvoiceIssued.Source source() {
        return source;
    }

    public @Nullable String sourceId() {
        return sourceId;
    }

    /** Why the session charged was stopped before its planned end; null for anything else. */
    /** The condition the service was given for, stored when the invoice was created (null when unknown). */
    public @Nullable Condition condition() {
        return condition;
    }

    public SessionStopped.@Nullable Reason stopReason() {
        return stopReason;
    }

    /** The treatment plan (course) a session charge belongs to, if any. */
    public @Nullable String courseId() {
        return courseId;
    }

    public InvoiceStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }

    public BigDecimal subtotal() {
        return subtotal;
    }

    public BigDecimal discount() {
        return discount;
    }

    public int discountPercent() {
        return discountPercent;
    }

    public @Nullable String assistanceTier() {
        return assistanceTier;
    }

    public boolean prepaid() {
        return prepaid;
    }

    public BigDecimal total() {
        return total;
    }

    public BigDecimal patientResponsibility() {
        return patientResponsibility;
    }

    public BigDecimal paid() {
        return paid;
    }

    public Instant serviceAt() {
        return serviceAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant issuedAt() {
        return issuedAt;
    }

    public List<Payment> payments() {
        return List.copyOf(payments);
    }

    public List<Instalment> paymentPlan() {
        return List.copyOf(paymentPlan);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
