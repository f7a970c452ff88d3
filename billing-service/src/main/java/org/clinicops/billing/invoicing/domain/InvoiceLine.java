package org.clinicops.billing.invoicing.domain;

import java.math.BigDecimal;

/** One billed code: {@code amount} = {@code units} × {@code unitPrice}, in cents. */
public record InvoiceLine(String code, String description, int units, BigDecimal unitPrice, BigDecimal amount) {

    public static InvoiceLine of(String code, String description, int units, BigDecimal unitPrice) {
        if (units < 1) {
            throw new IllegalArgumentException("units must be at least 1");
        }
        BigDecimal price = Money.cents(unitPrice);
        return new InvoiceLine(code, description, units, price, Money.cents(price.multiply(BigDecimal.valueOf(units))));
    }
}
