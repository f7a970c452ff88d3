package org.clinicops.billing.invoicing.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Loads and stores invoices; saving one stores its outbox in the same document write. A concurrent
 * change of the same invoice becomes a 409 conflict. A {@code siteIds} of null means every site.
 */
public interface InvoiceRepository {

    /** The invoice; 404 when there is none. */
    Invoice get(String id);

    Optional<Invoice> find(String id);

    /** Inserts a new invoice; false when an invoice with this id already exists (exactly-once charging). */
    boolean insertOnce(Invoice invoice);

    Invoice insert(Invoice invoice);

    /** Loads, changes and saves an invoice; the version check turns a lost update into a conflict. */
    Invoice change(String id, Consumer<Invoice> change);

    /** A page of matching invoices, newest first. */
    Page<Invoice> search(
            @Nullable String patientId,
            @Nullable Collection<String> siteIds,
            @Nullable List<InvoiceStatus> statuses,
            PageRequest page);

    /** A page of the work queue: matching invoices, oldest service first. */
    Page<Invoice> queue(@Nullable Collection<String> siteIds, @Nullable List<InvoiceStatus> statuses, PageRequest page);

    /** What matching invoices still owe, per currency: the sum of their balances and how many. */
    record Outstanding(String currency, BigDecimal balance, long count) {}

    /**
     * The balance still owed per currency over every matching invoice, by currency, without loading
     * the whole invoices at once.
     */
    List<Outstanding> outstanding(@Nullable Collection<String> siteIds, @Nullable List<InvoiceStatus> statuses);

    /** Every matching invoice. */
    List<Invoice> all(
            @Nullable String patientId, @Nullable Collection<String> siteIds, @Nullable List<InvoiceStatus> statuses);

    /**
     * What a FHIR search of invoices asks for (null: anything).
     *
     * @param siteIds the sites to show; null: every site
     * @param createdFrom created at or after
     * @param createdBefore created before
     * @param serviceFrom a day of service at or after
     * @param serviceBefore a day of service before
     */
    record Filter(
            @Nullable String patientId,
            @Nullable Collection<String> siteIds,
            @Nullable List<InvoiceStatus> statuses,
            @Nullable Instant createdFrom,
            @Nullable Instant createdBefore,
            @Nullable Instant serviceFrom,
            @Nullable Instant serviceBefore) {}

    /** A page of matching invoices, newest first. */
    Page<Invoice> search(Filter filter, PageRequest page);

    /**
     * Invoices of the sites (every site when null) with a change (history entry) at or after {@code since} (null: any), by
     * id, from {@code offset}, at most {@code limit}: what a bulk export reads page by page.
     */
    List<Invoice> changedSince(@Nullable Collection<String> siteIds, @Nullable Instant since, long offset, int limit);

    /** The patient's invoices at the site with a day of service in [from, to), oldest first. */
    List<Invoice> ofPatientBetween(String patientId, String siteId, Instant from, Instant to);
}
