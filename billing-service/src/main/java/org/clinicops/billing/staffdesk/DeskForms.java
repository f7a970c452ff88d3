package org.clinicops.billing.staffdesk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The staff desk's forms as posted, bound by name (text as typed, nothing parsed yet): {@link
 * DeskInput} parses and bounds them in one place.
 */
final class DeskForms {

    private DeskForms() {}

    /** Record a payment: amount and method (CARD, CASH, CHECK, INSURANCE). */
    record PaymentForm(@Nullable String amount, @Nullable String method) {}

    /** Refund part of what was paid, with a reason. */
    record RefundForm(@Nullable String amount, @Nullable String reason) {}

    /** Void an unpaid invoice, with a reason. */
    record VoidForm(@Nullable String reason) {}

    /** A site's fee schedule: one entry per row in each list, in the same order. */
    record FeeScheduleForm(
            @Nullable List<String> code,
            @Nullable List<String> description,
            @Nullable List<String> unitPrice,
            @Nullable List<String> effectiveFrom,
            @Nullable List<String> effectiveTo) {

        /** Most rows a schedule may have (the API's limit). */
        static final int MAX_ROWS = 200;

        int rows() {
            return code == null ? 0 : code.size();
        }

        String value(@Nullable List<String> column, int n) {
            return column != null && n < column.size() && column.get(n) != null
                    ? column.get(n).strip()
                    : "";
        }
    }
}
