package org.clinicops.billing.staffdesk.adapter.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.billing.invoicing.application.FindInvoices;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SpringDataPages;
import org.clinicops.platform.patients.PatientNameLookup;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The work queue: open invoices of the user's sites, filtered by site and status, with totals per currency. */
@Controller
class WorkQueuePage {

    /** Invoices per page of the work queue. */
    static final int QUEUE_PAGE_SIZE = 50;

    private final FindInvoices invoices;
    private final InvoiceRows rows;
    private final BillingSites sites;
    private final PatientNameLookup names;

    WorkQueuePage(FindInvoices invoices, InvoiceRows rows, BillingSites sites, PatientNameLookup names) {
        this.invoices = invoices;
        this.rows = rows;
        this.sites = sites;
        this.names = names;
    }

    record Total(String currency, String balance, long count) {}

    /** One page read from the store, totals summed in the store's stream. */
    @GetMapping("/")
    String queue(
            @RequestParam(required = false) @Size(max = ApiBounds.MAX_ID_LENGTH) @Nullable String siteId,
            @RequestParam(required = false) @Nullable InvoiceStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            Model model) {
        List<InvoiceStatus> statuses =
                status == null ? List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID) : List.of(status);
        Set<String> visible = SiteAccess.visibleSites(siteId).orElse(null);
        Page<Invoice> open = invoices.queue(visible, statuses, PageRequest.of(page, QUEUE_PAGE_SIZE));
        List<InvoiceRows.Row> shown = open.content().stream().map(rows::of).toList();
        List<String> patients = shown.stream().map(InvoiceRows.Row::patientId).toList();
        Audit.patients(patients);
        model.addAttribute("rows", shown);
        // names (and, for BILLING and ADMIN, contact details) read from intake as the user, once per page
        model.addAttribute("names", names.namesOf(patients));
        model.addAttribute(
                "totals",
                invoices.outstanding(visible, statuses).stream()
                        .map(t -> new Total(t.currency(), Amounts.format(t.balance(), t.currency()), t.count()))
                        .toList());
        model.addAttribute("page", SpringDataPages.toSpringPage(open));
        model.addAttribute(
                "sites",
                sites.all().stream().filter(s -> SiteAccess.canAccess(s.id())).toList());
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("siteId", siteId == null ? "" : siteId);
        model.addAttribute("status", status == null ? "" : status.name());
        return "desk/queue";
    }
}
