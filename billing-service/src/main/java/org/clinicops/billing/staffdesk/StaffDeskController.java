package org.clinicops.billing.staffdesk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clinicops.billing.accounts.AccountAccess;
import org.clinicops.billing.accounts.AccountSummary;
import org.clinicops.billing.assistance.ApplyAssistance;
import org.clinicops.billing.invoicing.InvoiceAccess;
import org.clinicops.billing.invoicing.InvoiceStore;
import org.clinicops.billing.invoicing.ManageInvoice;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.sites.BillingSite;
import org.clinicops.billing.sites.BillingSites;
import org.clinicops.billing.sites.FeeItem;
import org.clinicops.billing.superbill.Superbill;
import org.clinicops.billing.superbill.SuperbillResponse;
import org.clinicops.events.PaymentReceived;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The billing staff's pages: work queue, invoice with its actions, patient account, fee schedule
 * editor. Forms post back here; errors are shown beside the field that caused them. Every page shows
 * only the signed-in user's sites: an invoice, patient or site of another site is refused (403)
 * before anything is shown or changed.
 */
@Controller
class StaffDeskController {

    /** History and payment times, in the invoice's site zone (see {@link #local}), whatever the default locale. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final InvoiceStore invoices;
    private final InvoiceAccess invoiceAccess;
    private final AccountAccess accountAccess;
    private final Superbill superbill;
    private final ManageInvoice manage;
    private final ApplyAssistance assistance;
    private final AccountSummary accounts;
    private final BillingSites sites;
    private final Clock clock;

    StaffDeskController(
            InvoiceStore invoices,
            InvoiceAccess invoiceAccess,
            AccountAccess accountAccess,
            Superbill superbill,
            ManageInvoice manage,
            ApplyAssistance assistance,
            AccountSummary accounts,
            BillingSites sites,
            Clock clock) {
        this.invoices = invoices;
        this.invoiceAccess = invoiceAccess;
        this.accountAccess = accountAccess;
        this.superbill = superbill;
        this.manage = manage;
        this.assistance = assistance;
        this.accounts = accounts;
        this.sites = sites;
        this.clock = clock;
    }

    /** Who is signed in, for the page header (null without a session, e.g. on an error page). */
    @ModelAttribute("signedIn")
    @Nullable
    StaffUser signedIn() {
        return SiteAccess.findCurrentUser().orElse(null);
    }

    /** Another site's invoice, patient or fee schedule: a page saying so, with status 403. */
    @ExceptionHandler(SiteAccess.SiteAccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notOneOfYourSites(Model model) {
        model.addAttribute("signedIn", signedIn());
        return "desk/denied";
    }

    record QueueRow(
            String id,
            String patientId,
            String siteName,
            String status,
            String serviceDate,
            String total,
            String balance) {}

    record Total(String currency, String balance, long count) {}

    @GetMapping("/")
    String queue(
            @RequestParam(required = false) @Nullable String siteId,
            @RequestParam(required = false) @Nullable String status,
            Model model) {
        List<InvoiceStatus> statuses = status == null || status.isBlank()
                ? List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID)
                : List.of(InvoiceStatus.valueOf(status));
        Set<String> visible = SiteAccess.visibleSites(siteId).orElse(null);
        List<Invoice> open = invoices.all(null, visible, statuses).stream()
                .sorted(java.util.Comparator.comparing(Invoice::serviceAt))
                .toList();
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        Map<String, Long> countByCurrency = new TreeMap<>();
        List<QueueRow> rows = new ArrayList<>();
        for (Invoice i : open) {
            BillingSite site = sites.siteOrDefault(i.siteId());
            rows.add(new QueueRow(
                    i.id(),
                    i.patientId(),
                    site.name(),
                    i.status().name(),
                    i.serviceAt().atZone(site.zone()).toLocalDate().toString(),
                    Amounts.format(i.total(), i.currency()),
                    Amounts.format(i.balance(), i.currency())));
            byCurrency.merge(i.currency(), i.balance(), BigDecimal::add);
            countByCurrency.merge(i.currency(), 1L, Long::sum);
        }
        model.addAttribute("rows", rows);
        model.addAttribute(
                "totals",
                byCurrency.entrySet().stream()
                        .map(e -> new Total(
                                e.getKey(), Amounts.format(e.getValue(), e.getKey()), countByCurrency.get(e.getKey())))
                        .toList());
        model.addAttribute(
                "sites",
                sites.all().stream().filter(s -> SiteAccess.canAccess(s.id())).toList());
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("siteId", siteId == null ? "" : siteId);
        model.addAttribute("status", status == null ? "" : status);
        return "desk/queue";
    }

    @GetMapping("/invoices/{id}")
    String invoice(@PathVariable String id, Model model) {
        return invoicePage(invoiceAccess.require(id), model, Map.of(), Map.of());
    }

    @PostMapping("/invoices/{id}/payments")
    String pay(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
        String staff = staff(id);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal amount = amount(form.getFirst("amount"), "payment-amount", errors);
        PaymentReceived.Method method = null;
        try {
            method = PaymentReceived.Method.valueOf(String.valueOf(form.getFirst("method")));
        } catch (IllegalArgumentException e) {
            errors.put("payment-method", "Choose how the patient paid.");
        }
        if (errors.isEmpty() && amount != null && method != null) {
            var m = method;
            if (attempt(
                    () -> manage.handle(new ManageInvoice.RecordPayment(id, amount, m, staff)), "payment", errors)) {
                return "redirect:/invoices/" + id + "?done=payment";
            }
        }
        return invoicePage(invoices.get(id), model, errors, prefixed("payment-", form.toSingleValueMap()));
    }

    @PostMapping("/invoices/{id}/refunds")
    String refund(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
        String staff = staff(id);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal amount = amount(form.getFirst("amount"), "refund-amount", errors);
        String reason = String.valueOf(form.getFirst("reason")).strip();
        if (form.getFirst("reason") == null || reason.isEmpty()) {
            errors.put("refund-reason", "Give a reason for the refund.");
        }
        if (errors.isEmpty() && amount != null) {
            if (attempt(
                    () -> manage.handle(new ManageInvoice.RecordRefund(id, amount, reason, staff)), "refund", errors)) {
                return "redirect:/invoices/" + id + "?done=refund";
            }
        }
        return invoicePage(invoices.get(id), model, errors, prefixed("refund-", form.toSingleValueMap()));
    }

    @PostMapping("/invoices/{id}/void")
    String voidInvoice(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
        String staff = staff(id);
        Map<String, String> errors = new LinkedHashMap<>();
        String reason =
                form.getFirst("reason") == null ? "" : form.getFirst("reason").strip();
        if (reason.isEmpty()) {
            errors.put("void-reason", "Give a reason for voiding the invoice.");
        } else if (attempt(() -> manage.handle(new ManageInvoice.VoidInvoice(id, reason, staff)), "void", errors)) {
            return "redirect:/invoices/" + id + "?done=void";
        }
        return invoicePage(invoices.get(id), model, errors, prefixed("void-", form.toSingleValueMap()));
    }

    @PostMapping("/invoices/{id}/assistance")
    String applyAssistance(@PathVariable String id, Model model) {
        String staff = staff(id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (attempt(() -> assistance.handle(id, staff), "assistance", errors)) {
            return "redirect:/invoices/" + id + "?done=assistance";
        }
        return invoicePage(invoices.get(id), model, errors, Map.of());
    }

    @GetMapping("/patients/{patientId}")
    String patient(@PathVariable String patientId, Model model) {
        accountAccess.require(patientId);
        AccountSummary.View view = accounts.of(patientId);
        BillingSite site = sites.siteOrDefault(view.account().siteId());
        String currency = view.currency();
        model.addAttribute("account", view.account());
        model.addAttribute("site", site);
        model.addAttribute("balance", Amounts.format(view.balance(), currency));
        model.addAttribute("billed", Amounts.format(view.billed(), currency));
        model.addAttribute("paid", Amounts.format(view.paid(), currency));
        model.addAttribute("openInvoices", view.openInvoices());
        model.addAttribute(
                "invoices",
                view.invoices().stream()
                        .map(i -> new QueueRow(
                                i.id(),
                                i.patientId(),
                                site.name(),
                                i.status().name(),
                                i.serviceAt().atZone(site.zone()).toLocalDate().toString(),
                                Amounts.format(i.total(), i.currency()),
                                Amounts.format(i.balance(), i.currency())))
                        .toList());
        LocalDate today = LocalDate.now(clock.withZone(site.zone()));
        model.addAttribute("from", today.withDayOfYear(1));
        model.addAttribute("to", today);
        return "desk/patient";
    }

    /** The superbill download of the patient page (the API's takes bearer tokens only). */
    @GetMapping(value = "/patients/{patientId}/superbill", produces = MediaType.APPLICATION_PDF_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> superbill(
            @PathVariable String patientId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        accountAccess.require(patientId);
        return SuperbillResponse.of(patientId, from, to, superbill.pdf(patientId, from, to));
    }

    record FeeRow(String code, String description, String unitPrice, String effectiveFrom, String effectiveTo) {}

    @GetMapping("/sites/{siteId}/fee-schedule")
    String feeSchedule(@PathVariable String siteId, Model model) {
        SiteAccess.require(siteId);
        BillingSite site = sites.get(siteId);
        List<FeeRow> rows = new ArrayList<>(site.feeSchedule().stream()
                .map(i -> new FeeRow(
                        i.code(),
                        i.description(),
                        Money.format(i.unitPrice()),
                        i.effectiveFrom() == null ? "" : i.effectiveFrom().toString(),
                        i.effectiveTo() == null ? "" : i.effectiveTo().toString()))
                .toList());
        if (SiteAccess.currentUser().has(Role.ADMIN)) {
            rows.add(new FeeRow("", "", "", "", "")); // a row to add a code
        }
        return feePage(site, rows, Map.of(), model);
    }

    @PostMapping("/sites/{siteId}/fee-schedule")
    String saveFeeSchedule(@PathVariable String siteId, @RequestParam MultiValueMap<String, String> form, Model model) {
        SiteAccess.require(siteId);
        BillingSite site = sites.get(siteId);
        List<String> codes = form.getOrDefault("code", List.of());
        Map<String, String> errors = new LinkedHashMap<>();
        List<FeeRow> rows = new ArrayList<>();
        List<FeeItem> items = new ArrayList<>();
        for (int n = 0; n < codes.size(); n++) {
            FeeRow row = new FeeRow(
                    codes.get(n).strip(),
                    value(form, "description", n),
                    value(form, "unitPrice", n),
                    value(form, "effectiveFrom", n),
                    value(form, "effectiveTo", n));
            rows.add(row);
            if (row.code().isEmpty()
                    && row.description().isEmpty()
                    && row.unitPrice().isEmpty()) {
                continue; // an empty row adds nothing
            }
            if (row.code().isEmpty()) {
                errors.put("code-" + n, "Enter the code.");
            }
            if (row.description().isEmpty()) {
                errors.put("description-" + n, "Enter a description.");
            }
            BigDecimal price = amountOrZero(row.unitPrice(), "unitPrice-" + n, errors);
            LocalDate from = date(row.effectiveFrom(), "effectiveFrom-" + n, errors);
            LocalDate to = date(row.effectiveTo(), "effectiveTo-" + n, errors);
            if (from != null && to != null && to.isBefore(from)) {
                errors.put("effectiveTo-" + n, "Must not be before the start date.");
            }
            if (price != null && !errors.containsKey("code-" + n)) {
                items.add(new FeeItem(row.code(), row.description(), price, from, to));
            }
        }
        if (!errors.isEmpty()) {
            return feePage(site, rows, errors, model);
        }
        sites.replaceSchedule(siteId, items);
        return "redirect:/sites/" + siteId + "/fee-schedule?saved";
    }

    private String feePage(BillingSite site, List<FeeRow> rows, Map<String, String> errors, Model model) {
        model.addAttribute("site", site);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        // prices are changed by ADMIN (see the access policy); billing staff read them here
        model.addAttribute("canEdit", SiteAccess.currentUser().has(Role.ADMIN));
        return "desk/fee-schedule";
    }

    record LineView(String code, String description, int units, String unitPrice, String amount) {}

    record HistoryView(String at, String by, String action, String detail) {}

    record PaymentView(String at, String kind, String method, String amount) {}

    record InstalmentView(int number, String dueDate, String amount) {}

    private String invoicePage(Invoice i, Model model, Map<String, String> errors, Map<String, String> values) {
        BillingSite site = sites.siteOrDefault(i.siteId());
        ZoneId zone = site.zone();
        String c = i.currency();
        model.addAttribute("invoice", i);
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

    /** Checks the invoice's site and names the signed-in member of staff for its history. */
    private String staff(String invoiceId) {
        invoiceAccess.require(invoiceId);
        return SiteAccess.currentUser().username();
    }

    private static String local(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    private boolean attempt(Runnable action, String form, Map<String, String> errors) {
        try {
            action.run();
            return true;
        } catch (ConflictException e) {
            String field = switch (e.code()) {
                case "OVERPAYMENT" -> "payment-amount";
                case "REFUND_EXCEEDS_PAID" -> "refund-amount";
                case "REFUND_FIRST" -> "void-reason";
                default -> form + "-form";
            };
            errors.put(field, sentence(e.getMessage()));
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> errors.put(form + "-" + f.field(), sentence(f.field() + " " + f.message())));
        }
        return false;
    }

    private static String sentence(String message) {
        String s = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    private static @Nullable BigDecimal amount(@Nullable String raw, String field, Map<String, String> errors) {
        BigDecimal value = amountOrZero(raw == null ? "" : raw, field, errors);
        if (value != null && value.signum() <= 0) {
            errors.put(field, "Enter an amount greater than 0.");
            return null;
        }
        return value;
    }

    private static @Nullable BigDecimal amountOrZero(String raw, String field, Map<String, String> errors) {
        String cleaned = raw.strip().replace(",", "").replace("$", "");
        if (cleaned.isEmpty()) {
            errors.put(field, "Enter an amount.");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(cleaned);
            if (value.signum() < 0) {
                errors.put(field, "The amount must not be negative.");
                return null;
            }
            if (value.stripTrailingZeros().scale() > 2) {
                errors.put(field, "Use at most 2 decimals.");
                return null;
            }
            return Money.cents(value);
        } catch (NumberFormatException e) {
            errors.put(field, "Enter an amount such as 125.00.");
            return null;
        }
    }

    private static @Nullable LocalDate date(String raw, String field, Map<String, String> errors) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date as YYYY-MM-DD.");
            return null;
        }
    }

    private static String value(MultiValueMap<String, String> form, String name, int n) {
        List<String> values = form.getOrDefault(name, List.of());
        return n < values.size() ? values.get(n).strip() : "";
    }

    private static Map<String, String> prefixed(String prefix, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }
}
