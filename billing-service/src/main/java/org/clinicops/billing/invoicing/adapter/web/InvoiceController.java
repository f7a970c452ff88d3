package org.clinicops.billing.invoicing.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.clinicops.billing.accounts.application.AccountAccess;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.billing.assistance.application.ApplyAssistance;
import org.clinicops.billing.assistance.application.ApplySeriesPackage;
import org.clinicops.billing.invoicing.adapter.web.InvoiceRequests.DraftRequest;
import org.clinicops.billing.invoicing.adapter.web.InvoiceRequests.PaymentRequest;
import org.clinicops.billing.invoicing.adapter.web.InvoiceRequests.PlanRequest;
import org.clinicops.billing.invoicing.adapter.web.InvoiceRequests.RefundRequest;
import org.clinicops.billing.invoicing.adapter.web.InvoiceRequests.VoidRequest;
import org.clinicops.billing.invoicing.application.FindInvoices;
import org.clinicops.billing.invoicing.application.InvoiceAccess;
import org.clinicops.billing.invoicing.application.ManageInvoice;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.SpringDataPages;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices: list, read, create a draft, issue, pay, refund, void, plan payments, apply the patient's
 * assistance decision or series package. Each invoice is checked against the signed-in user's sites
 * before it is answered or changed; lists show only their sites. A draft is written only at a site of
 * the user's for a patient with an account there. The member of staff recorded in the history is the
 * signed-in user.
 */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    /**
     * Most characters of an id (patient, site, invoice) in a path, parameter or body. The path id of an
     * operation with a body has no {@code @Size}: see {@link ApiBounds#pathId}.
     */
    static final int ID = ApiBounds.MAX_ID_LENGTH;

    private final FindInvoices invoices;
    private final InvoiceAccess access;
    private final AccountAccess accounts;
    private final ManageInvoice manage;
    private final ApplyAssistance assistance;
    private final ApplySeriesPackage seriesPackage;
    private final Clock clock;

    InvoiceController(
            FindInvoices invoices,
            InvoiceAccess access,
            AccountAccess accounts,
            ManageInvoice manage,
            ApplyAssistance assistance,
            ApplySeriesPackage seriesPackage,
            Clock clock) {
        this.invoices = invoices;
        this.access = access;
        this.accounts = accounts;
        this.manage = manage;
        this.assistance = assistance;
        this.seriesPackage = seriesPackage;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "A page of invoices at the caller's sites",
            description = "Newest first; size at most 100. siteId of another site is 403.")
    PagedModel<InvoiceResponse> list(
            @RequestParam(required = false) @Size(max = ID) @Nullable String patientId,
            @RequestParam(required = false) @Size(max = ID) @Nullable String siteId,
            @Parameter(description = "only invoices in this status") @RequestParam(required = false) @Nullable
                    InvoiceStatus status,
            Pageable pageable) {
        Set<String> sites = SiteAccess.visibleSites(siteId).orElse(null);
        Audit.patient(patientId);
        Page<Invoice> page = invoices.search(
                patientId, sites, status == null ? null : List.of(status), SpringDataPages.fromPageable(pageable));
        Audit.patients(page.map(Invoice::patientId).content());
        return SpringDataPages.toPagedModel(page.map(InvoiceResponse::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One invoice")
    InvoiceResponse get(@PathVariable @Size(max = ID) String id) {
        return InvoiceResponse.of(access.require(id));
    }

    @PostMapping
    @Operation(
            summary = "Create a manual draft invoice",
            description = "Only at a site of the caller's (403) for a patient with an account at that site (404);"
                    + " nothing is written otherwise.")
    @ApiResponse(
            responseCode = "201",
            description = "The draft invoice (Location: its address)",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @ApiResponse(responseCode = "404", description = "The patient has no account at the invoice's site")
    ResponseEntity<InvoiceResponse> create(@Valid @RequestBody DraftRequest request) {
        PatientAccount account = accounts.requireForWrite(request.patientId(), request.siteId());
        String by = SiteAccess.currentUser().username();
        var invoice = manage.handle(new ManageInvoice.CreateDraft(
                request.patientId(),
                request.siteId(),
                request.payerType() == null ? account.payerType() : request.payerType(),
                request.serviceAt() == null ? clock.instant() : request.serviceAt(),
                request.lines().stream()
                        .map(l -> new ManageInvoice.Line(l.code(), l.description(), l.units(), l.unitPrice()))
                        .toList(),
                by,
                account.condition()));
        return ResponseEntity.created(URI.create("/api/invoices/" + invoice.id()))
                .body(InvoiceResponse.of(invoice));
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue a draft invoice")
    InvoiceResponse issue(@PathVariable @Size(max = ID) String id) {
        String by = staff(id);
        return InvoiceResponse.of(manage.issue(id, by));
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Record a payment (never more than the balance)")
    InvoiceResponse pay(
            @PathVariable @Parameter(schema = @Schema(maxLength = ID)) String id,
            @Valid @RequestBody PaymentRequest request) {
        String by = staff(id);
        return InvoiceResponse.of(
                manage.handle(new ManageInvoice.RecordPayment(id, request.amount(), request.method(), by)));
    }

    @PostMapping("/{id}/refunds")
    @Operation(summary = "Refund part of what was paid (never more than paid)")
    InvoiceResponse refund(
            @PathVariable @Parameter(schema = @Schema(maxLength = ID)) String id,
            @Valid @RequestBody RefundRequest request) {
        String by = staff(id);
        return InvoiceResponse.of(
                manage.handle(new ManageInvoice.RecordRefund(id, request.amount(), request.reason(), by)));
    }

    @PostMapping("/{id}/void")
    @Operation(summary = "Void an unpaid invoice")
    InvoiceResponse voidInvoice(
            @PathVariable @Parameter(schema = @Schema(maxLength = ID)) String id,
            @Valid @RequestBody VoidRequest request) {
        String by = staff(id);
        return InvoiceResponse.of(manage.handle(new ManageInvoice.VoidInvoice(id, request.reason(), by)));
    }

    @PostMapping("/{id}/payment-plan")
    @Operation(summary = "Split the balance into instalments")
    InvoiceResponse plan(
            @PathVariable @Parameter(schema = @Schema(maxLength = ID)) String id,
            @Valid @RequestBody PlanRequest request) {
        String by = staff(id);
        return InvoiceResponse.of(manage.handle(new ManageInvoice.PlanPayments(
                id, request.instalments(), request.firstDueDate(), request.intervalDays(), by)));
    }

    @PostMapping("/{invoiceId}/assistance")
    @Operation(summary = "Apply the patient's assistance decision for the day of service to an invoice")
    InvoiceResponse applyToInvoice(@PathVariable @Size(max = ID) String invoiceId) {
        return InvoiceResponse.of(assistance.handle(invoiceId, staff(invoiceId)));
    }

    @PostMapping("/{invoiceId}/series-package")
    @Operation(summary = "Cover an issued session invoice with a series package the patient bought after it was issued")
    InvoiceResponse applyPackageToInvoice(@PathVariable @Size(max = ID) String invoiceId) {
        return InvoiceResponse.of(seriesPackage.handle(invoiceId, staff(invoiceId)));
    }

    /**
     * Checks the invoice id's length (see {@link ApiBounds#pathId}) and the invoice's site, and names the
     * signed-in member of staff for its history.
     */
    private String staff(String invoiceId) {
        ApiBounds.pathId("id", invoiceId);
        access.require(invoiceId);
        return SiteAccess.currentUser().username();
    }
}
