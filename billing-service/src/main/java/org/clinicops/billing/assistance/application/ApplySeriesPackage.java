package org.clinicops.billing.assistance.application;

import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.application.ManageInvoice;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.platform.problem.ConflictException;
import org.springframework.stereotype.Service;

/**
 * A patient bought a prepaid series package after a session was invoiced: one session of the package
 * covers that session's issued invoice, which then owes nothing (invoice-adjusted, reason
 * SERIES_PACKAGE). The invoice is checked first, so no package session is used for an invoice a
 * package cannot cover; the package session is tied to the appointment, so a retry uses none twice.
 */
@Service
public class ApplySeriesPackage {

    private final InvoiceRepository invoices;
    private final SeriesPackages packages;
    private final ManageInvoice manage;

    ApplySeriesPackage(InvoiceRepository invoices, SeriesPackages packages, ManageInvoice manage) {
        this.invoices = invoices;
        this.packages = packages;
        this.manage = manage;
    }

    public Invoice handle(String invoiceId, String by) {
        Invoice invoice = invoices.get(invoiceId);
        invoice.requireSeriesPackageApplies();
        String appointmentId = String.valueOf(invoice.sourceId());
        String packageId = packages.coveringPackage(invoice.patientId(), invoice.siteId(), appointmentId)
                .orElseThrow(() -> new ConflictException(
                        "NO_SERIES_PACKAGE", "the patient has no series package with sessions left at this site"));
        return manage.applySeriesPackage(invoiceId, packageId, by);
    }
}
