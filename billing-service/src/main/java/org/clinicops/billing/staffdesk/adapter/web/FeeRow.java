package org.clinicops.billing.staffdesk.adapter.web;

import java.time.LocalDate;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.sites.domain.FeeItem;
import org.clinicops.platform.input.AmountText;
import org.clinicops.platform.input.DateInput;
import org.clinicops.platform.input.DateText;
import org.clinicops.platform.input.MoneyInput;

/**
 * One row of the fee schedule editor, as shown and as posted, checked with Bean Validation: the price
 * and dates by platform-support's {@link MoneyInput} and {@link DateInput}, read only once valid.
 */
record FeeRow(
        @RequiredText(max = 20, message = "Enter the code.") String code,

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
