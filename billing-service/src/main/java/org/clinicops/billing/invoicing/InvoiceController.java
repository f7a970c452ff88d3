package org.clinicops.billing.invoicing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.platform.audit.Audit;
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
 * Invoices: list, read, create a draft, issue, pay, refund, void, plan payments. Each invoice is
 * checked against the signed-in user's sites before it is answered or changed; lists show only their
 * sites. The member of staff recorded in the history is the signed-in user.
 */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    private final InvoiceStore invoices;
    private final InvoiceAccess access;
    private final ManageInvoice manage;
    private final java.time.Clock clock;

    InvoiceController(InvoiceStore invoices, InvoiceAccess access, ManageInvoice manage, java.time.Clock clock) {
        this.invoices = invoices;
        this.access = access;
        this.manage = manage;
        this.clock = clock;
    }

    @GetMapping
    PagedModel<InvoiceResponse> list(
            @RequestParam(required = false) @Nullable String patientId,
            @RequestParam(required = false) @Nullable String siteId,
            @RequestParam(required = false) @Nullable InvoiceStatus status,
            Pageable pageable) {
        Set<String> sites = SiteAccess.visibleSites(siteId).orElse(null);
        Audit.patient(patientId);
        return new PagedModel<>(invoices.search(patientId, sites, status == null ? null : List.of(status), pageable)
                .map(InvoiceResponse::of));
    }

    @GetMapping("/{id}")
    InvoiceResponse get(@PathVariable String id) {
        return InvoiceResponse.of(access.require(id));
    }

    @PostMapping
    ResponseEntity<InvoiceResponse> create(@Valid @RequestBody DraftRequest request) {
        Audit.patient(request.patientId());
        String by = SiteAccess.require(request.siteId()).username();
        var invoice = manage.handle(new ManageInvoice.CreateDraft(
                request.patientId(),
                request.siteId(),
                request.payerType() == null ? PayerType.SELF_PAY : request.payerType(),
                request.serviceAt() == null ? clock.instant() : request.serviceAt(),
                request.lines().stream()
                        .map(l -> new ManageInvoice.Line(l.code(), l.description(), l.units(), l.unitPrice()))
                        .toList(),
                by));
        return ResponseEntity.created(URI.create("/api/invoices/" + invoice.id()))
                .body(InvoiceResponse.of(invoice));
    }

    @PostMapping("/{id}/issue")
    InvoiceResponse issue(@PathVariable String id) {
        String by = staff(id);
        return InvoiceResponse.of(manage.issue(id, by));
    }

    @PostMapping("/{id}/payments")
    InvoiceResponse pay(@PathVariable String id, @Valid @RequestBody PaymentRequest request) {
        String by = staff(id);
        return InvoiceResponse.of(
                manage.handle(new ManageInvoice.RecordPayment(id, request.amount(), request.method(), by)));
    }

    @PostMapping("/{id}/refunds")
    InvoiceResponse refund(@PathVariable String id, @Valid @RequestBody RefundRequest request) {
        String by = staff(id);
        return InvoiceResponse.of(
                manage.handle(new ManageInvoice.RecordRefund(id, request.amount(), request.reason(), by)));
    }

    @PostMapping("/{id}/void")
    InvoiceResponse voidInvoice(@PathVariable String id, @Valid @RequestBody VoidRequest request) {
        String by = staff(id);
        return InvoiceResponse.of(manage.handle(new ManageInvoice.VoidInvoice(id, request.reason(), by)));
    }

    @PostMapping("/{id}/payment-plan")
    InvoiceResponse plan(@PathVariable String id, @Valid @RequestBody PlanRequest request) {
        String by = staff(id);
        return InvoiceResponse.of(manage.handle(new ManageInvoice.PlanPayments(
                id, request.instalments(), request.firstDueDate(), request.intervalDays(), by)));
    }

    /** Checks the invoice's site and names the signed-in member of staff for its history. */
    private String staff(String invoiceId) {
        access.require(invoiceId);
        return SiteAccess.currentUser().username();
    }

    record DraftRequest(
            @NotBlank String patientId,
            @NotBlank String siteId,
            @Nullable PayerType payerType,
            @Nullable Instant serviceAt,
            @NotEmpty List<@Valid LineRequest> lines) {}

    record LineRequest(
            @NotBlank String code,
            @NotBlank String description,
            @Min(1) @Max(99) int units,

            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2)
            BigDecimal unitPrice) {}

    record PaymentRequest(
            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 7, fraction = 2)
            BigDecimal amount,

            @NotNull PaymentReceived.Method method) {}

    record RefundRequest(
            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 7, fraction = 2)
            BigDecimal amount,

            @NotBlank String reason) {}

    record VoidRequest(@NotBlank String reason) {}

    record PlanRequest(
            @Min(2) @Max(24) int instalments,
            @NotNull LocalDate firstDueDate,
            @Min(1) @Max(92) int intervalDays) {}
}
