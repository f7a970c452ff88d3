package org.clinicops.billing.staffdesk.adapter.web;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.sites.domain.FeeItem;
import org.clinicops.events.PaymentReceived;
import org.clinicops.platform.input.AmountText;
import org.clinicops.platform.input.DateInput;
import org.clinicops.platform.input.DateText;
import org.clinicops.platform.input.MoneyInput;
import org.jspecify.annotations.Nullable;

/**
 * The staff desk's forms, bound by name with the text as typed and checked with Bean Validation: an
 * amount or a date by platform-support's {@link MoneyInput} and {@link DateInput}, so a value is read
 * (with {@link MoneyInput#amountOf}, {@link DateInput#dateOf}) only once its form is valid. Each message
 * is the one shown beside its field.
 */
final class DeskForms {

    /** Most characters of a reason (refund, void) typed at the desk; the API allows the same. */
    static final int MAX_REASON = 500;

    /** Most rows a fee schedule may have (the API's limit). */
    static final int MAX_ROWS = 200;

    private DeskForms() {}

    /** A form of the invoice page. */
    interface InvoiceForm {

        /** Its name on the page: its fields are {@code <name>-<field>}, its done page {@code ?done=<name>}. */
        String name();

        /** The values typed, by field (null when not sent). */
        Map<String, @Nullable String> typed();

        /** The field a refusal of the use case belongs beside, by the refusal's code (else the whole form's). */
        default Map<String, String> fieldOfConflict() {
            return Map.of();
        }
    }

    /** Record a payment: amount and method (CARD, CASH, CHECK, INSURANCE). */
    record PaymentForm(
            @AmountText(positive = true) @Nullable String amount,

            @Choice(of = PaymentReceived.Method.class, message = "Choose how the patient paid") @Nullable
            String method)
            implements InvoiceForm {

        @Override
        public String name() {
            return "payment";
        }

        @Override
        public Map<String, @Nullable String> typed() {
            return typedValues("amount", amount, "method", method);
        }

        @Override
        public Map<String, String> fieldOfConflict() {
            return Map.of("OVERPAYMENT", "amount");
        }

        BigDecimal amountValue() {
            return MoneyInput.amountOf(amount, true);
        }

        PaymentReceived.Method methodValue() {
            return PaymentReceived.Method.valueOf(String.valueOf(method).strip());
        }
    }

    /** Refund part of what was paid, with a reason. */
    record RefundForm(
            @AmountText(positive = true) @Nullable String amount,

            @RequiredText(max = MAX_REASON, message = "Give a reason for the refund.") @Nullable
            String reason)
            implements InvoiceForm {

        @Override
        public String name() {
            return "refund";
        }

        @Override
        public Map<String, @Nullable String> typed() {
            return typedValues("amount", amount, "reason", reason);
        }

        @Override
        public Map<String, String> fieldOfConflict() {
            return Map.of("REFUND_EXCEEDS_PAID", "amount");
        }

        BigDecimal amountValue() {
            return MoneyInput.amountOf(amount, true);
        }

        String reasonValue() {
            return String.valueOf(reason).strip();
        }
    }

    /** Void an unpaid invoice, with a reason. */
    record VoidForm(
            @RequiredText(max = MAX_REASON, message = "Give a reason for voiding the invoice.") @Nullable
            String reason) implements InvoiceForm {

        @Override
        public String name() {
            return "void";
        }

        @Override
        public Map<String, @Nullable String> typed() {
            return typedValues("reason", reason);
        }

        @Override
        public Map<String, String> fieldOfConflict() {
            return Map.of("REFUND_FIRST", "reason");
        }

        String reasonValue() {
            return String.valueOf(reason).strip();
        }
    }

    /** Apply the patient's assistance decision for the day of service: nothing to type. */
    record AssistanceForm() implements InvoiceForm {

        @Override
        public String name() {
            return "assistance";
        }

        @Override
        public Map<String, @Nullable String> typed() {
            return Map.of();
        }
    }

    /** A site's fee schedule as posted: one entry per row in each list, in the same order. */
    record FeeScheduleForm(
            @Size(max = MAX_ROWS, message = "A schedule has at most {max} codes.") @Nullable
            List<String> code,

            @Nullable List<String> description,
            @Nullable List<String> unitPrice,
            @Nullable List<String> effectiveFrom,
            @Nullable List<String> effectiveTo) {

        /** The rows, each value stripped (a list shorter than the codes gives empty values). */
        List<FeeRow> rows() {
            List<FeeRow> rows = new ArrayList<>();
            for (int n = 0; code != null && n < code.size(); n++) {
                rows.add(new FeeRow(
                        value(code, n),
                        value(description, n),
                        value(unitPrice, n),
                        value(effectiveFrom, n),
                        value(effectiveTo, n)));
            }
            return rows;
        }

        private static String value(@Nullable List<String> column, int n) {
            return column != null && n < column.size() && column.get(n) != null
                    ? column.get(n).strip()
                    : "";
        }
    }

    /** One row of the fee schedule editor, as shown and as posted. */
    record FeeRow(
            @RequiredText(max = 20, message = "Enter the code.")
            String code,

            @RequiredText(max = 200, message = "Enter a description.")
            String description,

            @AmountText String unitPrice,
            @DateText String effectiveFrom,
            @DateText String effectiveTo) {

        /** The empty row shown to add a code. */
        static final FeeRow NEW = new FeeRow("", "", "", "", "");

        static FeeRow of(FeeItem item) {
            return new FeeRow(
                    item.code(),
                    item.description(),
                    Money.format(item.unitPrice()),
                    item.effectiveFrom() == null ? "" : item.effectiveFrom().toString(),
                    item.effectiveTo() == null ? "" : item.effectiveTo().toString());
        }

        /** A row left empty adds nothing (its dates alone do not count). */
        boolean empty() {
            return code.isEmpty() && description.isEmpty() && unitPrice.isEmpty();
        }

        /** True when both dates are dates and the end is before the start. */
        boolean endsBeforeItStarts() {
            LocalDate from = DateInput.parse(effectiveFrom).date();
            LocalDate to = DateInput.parse(effectiveTo).date();
            return from != null && to != null && to.isBefore(from);
        }

        /** The priced code of a valid row. */
        FeeItem item() {
            return new FeeItem(
                    code,
                    description,
                    MoneyInput.amountOf(unitPrice, false),
                    DateInput.dateOf(effectiveFrom),
                    DateInput.dateOf(effectiveTo));
        }
    }

    /** Names and the values typed, leaving out fields that were not sent. */
    private static Map<String, @Nullable String> typedValues(@Nullable String... namesAndValues) {
        Map<String, @Nullable String> typed = new LinkedHashMap<>();
        for (int n = 0; n + 1 < namesAndValues.length; n += 2) {
            typed.put(String.valueOf(namesAndValues[n]), namesAndValues[n + 1]);
        }
        return typed;
    }
}
