package org.clinicops.billing.accounts.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clinicops.billing.accounts.application.AccountAccess;
import org.clinicops.billing.accounts.application.AccountSummary;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's accounts, one per site: balance and open invoices of each, for staff of its site. The
 * top level is the account at {@code siteId}, or the oldest account at the caller's sites; {@code
 * accounts} lists every account the caller may see.
 */
@RestController
class AccountController {

    private final AccountSummary summary;
    private final AccountAccess access;

    AccountController(AccountSummary summary, AccountAccess access) {
        this.summary = summary;
        this.access = access;
    }

    @GetMapping("/api/patients/{patientId}/account")
    @Operation(
            summary = "A patient's account(s) at the caller's sites",
            description = "One account per (patient, site). The top-level fields are the account at siteId, or the"
                    + " oldest account at the caller's sites; accounts lists each account the caller may see.")
    AccountResponse get(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId,
            @Parameter(description = "only the account at this site (403 if it is not the caller's)")
                    @RequestParam(required = false)
                    @Size(max = ApiBounds.MAX_ID_LENGTH)
                    @Nullable
                    String siteId) {
        List<SiteAccount> accounts = access.visible(patientId, siteId).stream()
                .map(a -> SiteAccount.of(summary.of(a)))
                .toList();
        SiteAccount first = accounts.get(0);
        return new AccountResponse(
                patientId,
                first.siteId(),
                first.payerType(),
                first.condition(),
                first.openedAt(),
                first.currency(),
                first.balance(),
                first.billed(),
                first.paid(),
                first.openInvoices(),
                accounts);
    }

    /** The account of {@code siteId} (or the oldest one visible) at the top, every visible one listed. */
    record AccountResponse(
            String patientId,
            String siteId,
            PayerType payerType,
            @Nullable Condition condition,
            Instant openedAt,
            String currency,

            @Schema(description = "what the patient still owes at this site", example = "150.00")
            String balance,

            String billed,
            String paid,
            long openInvoices,
            List<SiteAccount> accounts) {}

    /** One account: the patient at one site. */
    record SiteAccount(
            String id,
            String siteId,
            PayerType payerType,
            @Nullable Condition condition,
            Instant openedAt,
            String currency,
            String balance,
            String billed,
            String paid,
            long openInvoices) {

        static SiteAccount of(AccountSummary.View view) {
            PatientAccount a = view.account();
            return new SiteAccount(
                    a.id(),
                    a.siteId(),
                    a.payerType(),
                    a.condition(),
                    a.openedAt(),
                    view.currency(),
                    Money.format(view.balance()),
                    Money.format(view.billed()),
                    Money.format(view.paid()),
                    view.openInvoices());
        }
    }
}
