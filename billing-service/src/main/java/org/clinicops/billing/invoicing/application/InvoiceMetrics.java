package org.clinicops.billing.invoicing.application;

import java.math.BigDecimal;

/**
 * What invoicing counts: money billed, discounted, collected and refunded by site and currency.
 * Labels are bounded (site, currency, method, source); never patient or invoice ids.
 */
public interface InvoiceMetrics {

    /** An invoice was issued: its total billed and the discount given. */
    void billed(String site, String currency, String source, BigDecimal total, BigDecimal discount);

    /** A payment was collected. */
    void collected(String site, String currency, String method, BigDecimal amount);

    /** A refund was paid out. */
    void refunded(String site, String currency, BigDecimal amount);
}
