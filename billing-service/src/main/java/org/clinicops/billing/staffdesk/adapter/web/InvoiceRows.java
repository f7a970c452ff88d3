package org.clinicops.billing.staffdesk.adapter.web;

import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.billing.sites.domain.BillingSite;
import org.springframework.stereotype.Component;

/** An invoice as a row of the work queue and of a patient's page: service date in its site's zone, amounts formatted. */
@Component
class InvoiceRows {

    record Row(
            String id,
            String patientId,
            String siteId,
            String siteName,
            String status,
            String serviceDate,
            String total,
            String balance) {}

    private final BillingSites sites;

    InvoiceRows(BillingSites sites) {
        this.sites = sites;
    }

    Row of(Invoice i) {
        BillingSite site = sites.siteOrDefault(i.siteId());
        return new Row(
                i.id(),
                i.patientId(),
                i.siteId(),
                site.name(),
                i.status().name(),
                i.serviceAt().atZone(site.zone()).toLocalDate().toString(),
                Amounts.format(i.total(), i.currency()),
                Amounts.format(i.balance(), i.currency()));
    }
}
