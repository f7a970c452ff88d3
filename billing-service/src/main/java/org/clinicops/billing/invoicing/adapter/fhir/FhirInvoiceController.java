package org.clinicops.billing.invoicing.adapter.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicops.billing.invoicing.application.FindInvoices;
import org.clinicops.billing.invoicing.application.InvoiceAccess;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirBundles;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.fhir.FhirPage;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.fhir.FhirResourceType;
import org.clinicops.platform.fhir.FhirSearchParameters;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices and their charges for billing staff, as {@code GET /api/invoices[/{id}]} (BILLING): read by
 * id ({@link InvoiceAccess}: 404 unknown, 403 another site's) and search by {@code patient}, {@code
 * date} and {@code status} ({@link FindInvoices}, the caller's sites only), paged.
 */
@RestController
@FhirApi
@RequestMapping(
        path = FhirOutcomes.BASE,
        produces = {FhirOutcomes.FHIR_JSON, "application/json"})
class FhirInvoiceController {

    static final Set<Role> BILLING = Set.of(Role.BILLING);

    /** FHIR's invoice statuses and the invoices' behind each. */
    static final Map<String, List<InvoiceStatus>> INVOICE_STATUSES = Map.of(
            "draft", List.of(InvoiceStatus.DRAFT),
            "issued", List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID),
            "balanced", List.of(InvoiceStatus.PAID),
            "cancelled", List.of(InvoiceStatus.VOID),
            "entered-in-error", List.of());

    /** FHIR's charge item statuses and the statuses of the invoices whose lines have them. */
    static final Map<String, List<InvoiceStatus>> CHARGE_STATUSES = Map.of(
            "planned", List.of(InvoiceStatus.DRAFT),
            "billed", List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID),
            "aborted", List.of(InvoiceStatus.VOID),
            "billable", List.of(),
            "not-billable", List.of(),
            "entered-in-error", List.of(),
            "unknown", List.of());

    /** A ChargeItem's id: its invoice's and the line's number ({@code inv_x-2}). */
    private static final Pattern LINE_ID = Pattern.compile("(.+)-(\\d{1,4})");

    private final FindInvoices find;
    private final InvoiceAccess access;

    FhirInvoiceController(FindInvoices find, InvoiceAccess access) {
        this.find = find;
        this.access = access;
    }

    @Bean
    static FhirResourceType fhirInvoice() {
        return new FhirResourceType(
                "Invoice",
                List.of(
                        FhirResourceType.patient(),
                        FhirResourceType.date("date", "When the invoice was created (issued, for a charge)"),
                        FhirResourceType.status("draft, issued (also partly paid), balanced (paid), cancelled (void)")),
                BILLING);
    }

    @Bean
    static FhirResourceType fhirChargeItem() {
        return new FhirResourceType(
                "ChargeItem",
                List.of(
                        FhirResourceType.patient(),
                        FhirResourceType.date("date", "The time of service (occurrence)"),
                        FhirResourceType.status("planned (draft invoice), billed, aborted (void invoice)")),
                BILLING);
    }

    @GetMapping("/Invoice/{id}")
    org.hl7.fhir.r4.model.Invoice invoice(@PathVariable String id) {
        String invoiceId = FhirParams.id(id, "id");
        Audit.object("Invoice", invoiceId);
        return InvoiceResources.invoice(access.require(invoiceId));
    }

    @GetMapping("/Invoice")
    Bundle searchInvoices(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> date,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        String patientId = FhirParams.patient(patient);
        FhirParams.DateRange range = FhirParams.dates(date, "date");
        FhirPage wanted = FhirPage.of(count, page);
        List<InvoiceStatus> statuses = statuses(status, INVOICE_STATUSES);
        Page<Invoice> found = search(
                "Invoice",
                new InvoiceRepository.Filter(patientId, sites(), statuses, range.from(), range.to(), null, null),
                wanted);
        return FhirBundles.searchSet(
                "Invoice",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("date", date)
                        .add("status", status),
                wanted,
                found.totalElements(),
                found.content().stream().map(InvoiceResources::invoice).toList());
    }

    @GetMapping("/ChargeItem/{id}")
    ChargeItem chargeItem(@PathVariable String id) {
        String internal = FhirParams.id(id, "id");
        Matcher line = LINE_ID.matcher(internal);
        if (!line.matches()) {
            throw new NotFoundException("ChargeItem", id);
        }
        String invoiceId = line.group(1);
        int sequence = Integer.parseInt(line.group(2));
        Audit.object("ChargeItem", invoiceId);
        Invoice invoice = access.require(invoiceId);
        if (sequence < 1 || sequence > invoice.lines().size()) {
            throw new NotFoundException("ChargeItem", id);
        }
        return InvoiceResources.chargeItem(invoice, sequence);
    }

    /** Pages count invoices: each gives one ChargeItem per line, so the Bundle has no total. */
    @GetMapping("/ChargeItem")
    Bundle searchChargeItems(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> date,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        String patientId = FhirParams.patient(patient);
        FhirParams.DateRange range = FhirParams.dates(date, "date");
        FhirPage wanted = FhirPage.of(count, page);
        List<InvoiceStatus> statuses = statuses(status, CHARGE_STATUSES);
        Page<Invoice> found = search(
                "ChargeItem",
                new InvoiceRepository.Filter(patientId, sites(), statuses, null, null, range.from(), range.to()),
                wanted);
        List<Resource> items = new ArrayList<>();
        found.content().forEach(invoice -> items.addAll(InvoiceResources.chargeItems(invoice)));
        Bundle bundle = FhirBundles.searchSet(
                "ChargeItem",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("date", date)
                        .add("status", status),
                wanted,
                found.totalElements(),
                items);
        bundle.setTotalElement(null);
        return bundle;
    }

    /** The caller's sites; null when they see every site. */
    private static @Nullable Set<String> sites() {
        return SiteAccess.visibleSites(null).orElse(null);
    }

    /**
     * The invoice statuses behind a status search; null when none is asked; empty when the codes asked
     * match no invoice (so nothing is found).
     */
    private static @Nullable List<InvoiceStatus> statuses(
            @Nullable String status, Map<String, List<InvoiceStatus>> known) {
        List<String> codes = FhirParams.tokens(status);
        if (codes.isEmpty()) {
            return null;
        }
        List<InvoiceStatus> statuses = new ArrayList<>();
        for (String code : codes) {
            List<InvoiceStatus> behind = known.get(code);
            if (behind == null) {
                throw new InvalidRequestException(
                        "status",
                        "takes "
                                + String.join(
                                        ", ", known.keySet().stream().sorted().toList()));
            }
            statuses.addAll(behind);
        }
        return statuses;
    }

    private Page<Invoice> search(String type, InvoiceRepository.Filter filter, FhirPage page) {
        PageRequest request = page.toPageRequest();
        Audit.object(type, null);
        Page<Invoice> found = filter.statuses() != null && filter.statuses().isEmpty()
                ? new Page<>(List.of(), request, 0)
                : find.search(filter, request);
        Audit.patients(found.map(Invoice::patientId).content());
        return found;
    }
}
