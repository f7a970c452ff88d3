package org.clinicops.billing.accounts;

import java.math.BigDecimal;
import java.util.List;
import org.clinicops.billing.invoicing.InvoiceStore;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.sites.BillingSites;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.stereotype.Service;

/**
 * Reads a patient's account with the balance of its open invoices, counting only invoices of the
 * signed-in user's sites.
 */
@Service
public class AccountSummary {

    private final PatientAccounts accounts;
    private final InvoiceStore invoices;
    private final BillingSites sites;

    AccountSummary(PatientAccounts accounts, InvoiceStore invoices, BillingSites sites) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.sites = sites;
    }

    /** The account with what the patient owes and has paid. */
    public record View(
            PatientAccount account,
            String currency,
            BigDecimal balance,
            BigDecimal billed,
            BigDecimal paid,
            long openInvoices,
            List<Invoice> invoices) {}

    public View of(String patientId) {
        PatientAccount account =
                accounts.find(patientId).orElseThrow(() -> new NotFoundException("account", patientId));
        // invoices another site raised for the patient stay with that site's staff
        List<Invoice> all = invoices.all(patientId, null, null).stream()
                .filter(i -> SiteAccess.canAccess(i.siteId()))
                .toList();
        List<Invoice> open = all.stream().filter(i -> i.status().open()).toList();
        List<Invoice> billed = all.stream()
                .filter(i -> i.status() != InvoiceStatus.DRAFT && i.status() != InvoiceStatus.VOID)
                .toList();
        return new View(
                account,
                sites.currencyOf(account.siteId()),
                sum(open.stream().map(Invoice::balance).toList()),
                sum(billed.stream().map(Invoice::patientResponsibility).toList()),
                sum(billed.stream().map(Invoice::paid).toList()),
                open.size(),
                all.stream()
                        .sorted(java.util.Comparator.comparing(Invoice::serviceAt)
                                .reversed())
                        .toList());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return Money.cents(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
