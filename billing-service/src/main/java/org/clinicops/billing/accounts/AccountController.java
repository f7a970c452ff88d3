package org.clinicops.billing.accounts;

import java.time.Instant;
import org.clinicops.billing.invoicing.domain.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A patient's account: balance and open invoices, for staff of the account's site. */
@RestController
class AccountController {

    private final AccountSummary summary;
    private final AccountAccess access;

    AccountController(AccountSummary summary, AccountAccess access) {
        this.summary = summary;
        this.access = access;
    }

    @GetMapping("/api/patients/{patientId}/account")
    AccountResponse get(@PathVariable String patientId) {
        access.require(patientId);
        AccountSummary.View view = summary.of(patientId);
        PatientAccount a = view.account();
        return new AccountResponse(
                a.patientId(),
                a.siteId(),
                a.payerType().name(),
                a.condition() == null ? null : a.condition().name(),
                a.openedAt(),
                view.currency(),
                Money.format(view.balance()),
                Money.format(view.billed()),
                Money.format(view.paid()),
                view.openInvoices());
    }

    record AccountResponse(
            String patientId,
            String siteId,
            String payerType,
            @Nullable String condition,
            Instant openedAt,
            String currency,
            String balance,
            String billed,
            String paid,
            long openInvoices) {}
}
