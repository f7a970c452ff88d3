package org.clinicops.billing.assistance.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinicops.billing.assistance.domain.SeriesPackage;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Charge;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceLine;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PayerType;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.stereotype.Service;

/** Prepaid series packages: selling one issues its invoice; each completed session uses one session. */
@Service
public class SeriesPackages {

    private final SeriesPackageRepository packages;
    private final InvoiceRepository invoices;
    private final BillingSites sites;
    private final IdGenerator ids;
    private final Clock clock;

    SeriesPackages(
            SeriesPackageRepository packages,
            InvoiceRepository invoices,
            BillingSites sites,
            IdGenerator ids,
            Clock clock) {
        this.packages = packages;
        this.invoices = invoices;
        this.sites = sites;
        this.ids = ids;
        this.clock = clock;
    }

    /** Sells a package of sessions at a course price. */
    public record Sell(String patientId, String siteId, PayerType payerType, int sessions, BigDecimal price) {}

    public SeriesPackage handle(Sell command) {
        Instant now = clock.instant();
        String currency = sites.currencyOf(command.siteId());
        String packageId = ids.next("pkg_");
        Invoice invoice = Invoice.charge(
                ids.next("inv_"),
                new Charge(
                        command.patientId(),
                        command.siteId(),
                        command.payerType(),
                        currency,
                        InvoiceIssued.Source.SERIES_PACKAGE,
                        packageId,
                        null,
                        now,
                        List.of(InvoiceLine.of(
                                "SERIES", "Prepaid series of " + command.sessions() + " sessions", 1, command.price())),
                        0,
                        null,
                        false),
                ids.eventId(),
                now);
        SeriesPackage sold = new SeriesPackage(
                packageId,
                command.patientId(),
                command.siteId(),
                command.sessions(),
                command.sessions(),
                Money.cents(command.price()),
                currency,
                invoice.id(),
                List.of(),
                now);
        packages.insert(sold);
        invoices.insert(invoice);
        return sold;
    }

    /**
     * Uses one session of a package with sessions left for this appointment; true when the
     * appointment is (or already was) covered. Atomic per package and safe to repeat.
     */
    public boolean cover(String patientId, String siteId, String appointmentId) {
        return coveringPackage(patientId, siteId, appointmentId).isPresent();
    }

    /**
     * As {@link #cover}, answering the package that covers the appointment (the one that already did,
     * or the oldest with sessions left at the site, which gives one up); empty when none can.
     */
    public Optional<String> coveringPackage(String patientId, String siteId, String appointmentId) {
        return packages.covering(patientId, appointmentId)
                .or(() -> packages.useOneSession(patientId, siteId, appointmentId))
                .map(SeriesPackage::id);
    }

    public List<SeriesPackage> of(String patientId) {
        return packages.ofPatient(patientId);
    }
}
