package org.clinicops.billing.superbill.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.billing.BillingProperties;
import org.clinicops.billing.invoicing.domain.InvoiceLine;

/**
 * What a superbill states, ready to be rendered: the provider, the account (patient at a site), the
 * period, the diagnoses, one row per service line and the totals, in the site's currency.
 *
 * @param diagnoses the ICD-10 codes of the period's services, comma separated, or "-"
 */
public record SuperbillStatement(
        BillingProperties.Provider provider,
        String siteId,
        String siteName,
        String currency,
        String patientId,
        LocalDate from,
        LocalDate to,
        String diagnoses,
        List<Row> rows,
        BigDecimal charged,
        BigDecimal discount,
        BigDecimal paid) {

    /** One service line: its invoice's payments are shown on the invoice's first line, so the column adds up. */
    public record Row(LocalDate date, InvoiceLine line, String diagnosis, BigDecimal paid) {}
}
