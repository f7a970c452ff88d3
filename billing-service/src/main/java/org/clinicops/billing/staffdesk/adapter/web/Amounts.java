package org.clinicops.billing.staffdesk.adapter.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.clinicops.billing.invoicing.domain.Money;

/** Formats amounts in a currency for pages, e.g. {@code $1,250.00}, {@code CA$80.00}, {@code €12.50}. */
final class Amounts {

    private Amounts() {}

    static String format(BigDecimal amount, String currency) {
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
            format.setCurrency(Currency.getInstance(currency));
            return format.format(Money.cents(amount));
        } catch (IllegalArgumentException unknownCurrency) {
            return Money.format(amount) + " " + currency;
        }
    }
}
