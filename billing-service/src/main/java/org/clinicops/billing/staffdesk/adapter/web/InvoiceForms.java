package org.clinicops.billing.staffdesk.adapter.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clinicops.events.PaymentReceived;
import org.clinicops.platform.input.AmountText;
import org.clinicops.platform.input.MoneyInput;
import org.jspecify.annotations.Nullable;

/**
 * The invoice page's forms, bound by name with the text as typed and checked with Bean Validation (an
 * amount by platform-support's {@link MoneyInput}), so a value is read ({@link MoneyInput#amountOf})
 * only once its form is valid. Each message is the one shown beside its field.
 */
final class InvoiceForms {

    /** Most characters of a reason (refund, void) typed at the desk; the API allows the same. */
    static final int MAX_REASON = 500;

    private InvoiceForms() {}

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

    /** Names and the values typed, leaving out fields that were not sent. */
    private static Map<String, @Nullable String> typedValues(@Nullable String... namesAndValues) {
        Map<String, @Nullable String> typed = new LinkedHashMap<>();
        for (int n = 0; n + 1 < namesAndValues.length; n += 2) {
            typed.put(String.valueOf(namesAndValues[n]), namesAndValues[n + 1]);
        }
        return typed;
    }
}
