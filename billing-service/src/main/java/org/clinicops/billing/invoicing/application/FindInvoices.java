package org.clinicops.billing.invoicing.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.clinicops.billing.invoicing.application.InvoiceRepository.Outstanding;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Lists invoices for the API and the work queue, a page at a time. The caller passes the sites the
 * user may see (null for every site), so a list never shows another site's invoices; a {@code
 * statuses} of null or empty means every status.
 */
@Service
public class FindInvoices {

    private final InvoiceRepository invoices;

    FindInvoices(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /** Newest first. */
    public Page<Invoice> search(
            @Nullable String patientId,
            @Nullable Collection<String> siteIds,
            @Nullable List<InvoiceStatus> statuses,
            PageRequest page) {
        return invoices.search(patientId, siteIds, statuses, page);
    }

    /** The work queue: oldest service first. */
    public Page<Invoice> queue(@Nullable Collection<String> siteIds, List<InvoiceStatus> statuses, PageRequest page) {
        return invoices.queue(siteIds, statuses, page);
    }

    /** What the invoices of the queue still owe, per currency. */
    public List<Outstanding> outstanding(@Nullable Collection<String> siteIds, List<InvoiceStatus> statuses) {
        return invoices.outstanding(siteIds, statuses);
    }

    /** What a FHIR search asks for, newest first. */
    public Page<Invoice> search(InvoiceRepository.Filter filter, PageRequest page) {
        return invoices.search(filter, page);
    }

    /** Invoices of the sites changed at or after {@code since}, by id, one page (a bulk export's). */
    public List<Invoice> changedSince(
            @Nullable Collection<String> siteIds, @Nullable Instant since, long offset, int limit) {
        return invoices.changedSince(siteIds, since, offset, limit);
    }
}
