package org.clinicops.billing.staffdesk.adapter.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.billing.sites.domain.BillingSite;
import org.clinicops.events.PaymentReceived;
import org.clinicops.platform.patients.PatientNameLookup;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The invoice page's model: the invoice with its lines, payments, plan and history, amounts formatted. */
@Component
class InvoiceView {

    /** History and payment times, in the invoice's site zone, whatever the default locale. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final BillingSites sites;
    private final PatientNameLookup names;

    InvoiceView(BillingSites sites, PatientNameLookup names) {
        this.sites = sites;
        this.names = names;
    }

    record LineView(String code, String description, int units, String unitPrice, String amount) {}

    record HistoryView(String at, String by, String action, String detail) {}

    record PaymentView(String at, String kind, String method, String amount) {}

    record InstalmentView(int number, String dueDate, String amount) {}

    /** The page of the invoice, with the errors and values of a form that was refused (else empty). */
    String show(Invoice i, Model model, Map<String, String> errors, Map<String, String> values) {
        BillingSite site = sites.siteOrDefault(i.siteId());
        ZoneId zone = site.zone();
        String c = i.currency();
        model.addAttribute("invoice", i);
        model.addAttribute("names", names.namesOf(List.of(i.patientId())));
        model.addAttribute("site", site);
        model.addAttribute("serviceDate", i.serviceAt().atZone(zone).toLocalDate());
        model.addAttribute(
                "lines",
                i.lines().stream()
                        .map(l -> new LineView(
                                l.code(),
                                l.description(),
                                l.units(),
                                Amounts.format(l.unitPrice(), c),
                                Amounts.format(l.amount(), c)))
                        .toList());
        model.addAttribute(
                "history",
                i.history().stream()
                        .map(h -> new HistoryView(local(h.at(), zone), h.by(), h.action(), h.detail()))
                        .toList());
        model.addAttribute(
                "payments",
                i.payments().stream()
                        .map(p -> new PaymentView(
                                local(p.at(), zone), p.kind().name(), p.method().name(), Amounts.format(p.amount(), c)))
                        .toList());
        model.addAttribute(
                "plan",
                i.paymentPlan().stream()
                        .map(p -> new InstalmentView(p.number(), p.dueDate().toString(), Amounts.format(p.amount(), c)))
                        .toList());
        model.addAttribute("subtotal", Amounts.format(i.subtotal(), c));
        model.addAttribute("discount", Amounts.format(i.discount(), c));
        model.addAttribute("total", Amounts.format(i.total(), c));
        model.addAttribute("responsibility", Amounts.format(i.patientResponsibility(), c));
        model.addAttribute("paid", Amounts.format(i.paid(), c));
        model.addAttribute("balance", Amounts.format(i.balance(), c));
        model.addAttribute("canPay", i.status().open());
        model.addAttribute("canRefund", i.paid().signum() > 0);
        model.addAttribute(
                "canVoid",
                i.status() != InvoiceStatus.VOID
                        && i.status() != InvoiceStatus.PAID
                        && i.paid().signum() == 0);
        model.addAttribute("methods", PaymentReceived.Method.values());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "desk/invoice";
    }

    private static String local(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
