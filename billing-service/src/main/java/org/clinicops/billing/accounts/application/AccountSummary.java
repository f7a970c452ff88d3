package org.clinicops.billing.accounts.application;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.sites.application.BillingSites;
import org.springframework.stereotype.Service;

/** Reads a patient's account at a site with the balance of the invoices of that site. */
@Service
public class AccountSummary {

    private final InvoiceRepository invoices;
    private final BillingSites sites;

    AccountSummary(InvoiceRepository invoices, BillingSites sites) {
        this.invoices = invoices;
        this.sites = sites;
    }

    /** The account with what the patient owes and has paid at its site. */
    public record View(
            PatientAccount account,
            String currency,
            BigDecimal balance,
            BigDecimal billed,
            BigDecimal paid,
            long openInvoices,
            List<Invoice> invoices) {}

    /** The account's figures: only invoices of the account's own site count. */
    public View of(PatientAccount account) {
        List<Invoice> all = invoices.all(account.patientId(), Set.of(account.siteId()), null);
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
                        .sorted(Comparator.comparing(Invoice::serviceAt).reversed())
                        .toList());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return Money.cents(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
