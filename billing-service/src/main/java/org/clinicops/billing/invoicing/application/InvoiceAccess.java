package org.clinicops.billing.invoicing.application;

import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.stereotype.Component;

/**
 * Loads an invoice for the signed-in member of staff before anything is answered or changed: 404
 * when it does not exist, 403 when it belongs to a site that is not theirs. The patient and site go
 * to the audit trail either way.
 */
@Component
public class InvoiceAccess {

    private final InvoiceRepository invoices;

    InvoiceAccess(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /** The invoice, if it is of one of the user's sites. */
    public Invoice require(String invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        Audit.patient(invoice.patientId());
        SiteAccess.require(invoice.siteId());
        return invoice;
    }
}
