package org.clinicops.billing.assistance.application;

import org.clinicops.billing.assistance.domain.AssistanceDecision;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.application.ManageInvoice;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.platform.problem.ConflictException;
import org.springframework.stereotype.Service;

/** Applies the patient's assistance decision for the day of service to an invoice already raised. */
@Service
public class ApplyAssistance {

    private final InvoiceRepository invoices;
    private final ManageInvoice manage;
    private final Assistance assistance;
    private final BillingSites sites;

    ApplyAssistance(InvoiceRepository invoices, ManageInvoice manage, Assistance assistance, BillingSites sites) {
        this.invoices = invoices;
        this.manage = manage;
        this.assistance = assistance;
        this.sites = sites;
    }

    public Invoice handle(String invoiceId, String by) {
        Invoice invoice = invoices.get(invoiceId);
        var day = invoice.serviceAt()
                .atZone(sites.siteOrDefault(invoice.siteId()).zone())
                .toLocalDate();
        AssistanceDecision decision = assistance
                .activeOn(invoice.patientId(), day)
                .filter(d -> d.discountPercent() > 0)
                .orElseThrow(() -> new ConflictException(
                        "NO_ASSISTANCE_DECISION", "the patient has no assistance decision covering " + day));
        return manage.applyAssistance(invoiceId, decision.discountPercent(), decision.tier(), by);
    }
}
