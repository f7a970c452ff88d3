package org.clinicops.billing.staffdesk;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clinicops.billing.accounts.AccountAccess;
import org.clinicops.billing.accounts.AccountSummary;
import org.clinicops.billing.accounts.PatientAccount;
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
import org.clinicops.billing.staffdesk.DeskForms.FeeScheduleForm;
import org.clinicops.billing.staffdesk.DeskForms.PaymentForm;
import org.clinicops.billing.staffdesk.DeskForms.RefundForm;
import org.clinicops.billing.staffdesk.DeskForms.VoidForm;
import org.clinicops.billing.superbill.Superbill;
import org.clinicops.billing.superbill.SuperbillResponse;
import org.clinicops.events.PaymentReceived;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.patients.PatientNameLookup;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
    private final PatientNameLookup names;

    StaffDeskController(
            InvoiceStore invoices,
            InvoiceAccess invoiceAccess,
            AccountAccess accountAccess,
            Superbill superbill,
            ManageInvoice manage,
            ApplyAssistance assistance,
            AccountSummary accounts,
            BillingSites sites,
            Clock clock,
            PatientNameLookup names) {
        this.invoices = invoices;
        this.invoiceAccess = invoiceAccess;
        this.accountAccess = accountAccess;
        this.superbill = superbill;
        this.manage = manage;
        this.assistance = assistance;
        this.accounts = accounts;
        this.sites = sites;
        this.clock = clock;
        this.names = names;
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
            String siteId,
            String siteName,
            String status,
            String serviceDate,
            String total,
            String balance) {}

    record Total(String currency, String balance, long count) {}

    /** Invoices per page of the work queue. */
    static final int QUEUE_PAGE_SIZE = 50;

    /** The work queue: one page read from the store, totals summed in the store's stream. */
    @GetMapping("/")
    String queue(
            @RequestParam(required = false) @Size(max = 64) @Nullable String siteId,
            @RequestParam(required = false) @Nullable InvoiceStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            Model model) {
        List<InvoiceStatus> statuses =
                status == null ? List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID) : List.of(status);
        Set<String> visible = SiteAccess.visibleSites(siteId).orElse(null);
        Page<Invoice> open = invoices.queue(visible, statuses, PageRequest.of(page, QUEUE_PAGE_SIZE));
        List<QueueRow> rows = open.getContent().stream().map(this::row).toList();
        Audit.patients(rows.stream().map(QueueRow::patientId).toList());
        model.addAttribute("rows", rows);
        // names (and, for BILLING and ADMIN, contact details) read from intake as the user, once per page
        model.addAttribute(
                "names", names.namesOf(rows.stream().map(QueueRow::patientId).toList()));
        model.addAttribute(
                "totals",
                invoices.outstanding(visible, statuses).stream()
                        .map(t -> new Total(t.currency(), Amounts.format(t.balance(), t.currency()), t.count()))
                        .toList());
        model.addAttribute("page", open);
        model.addAttribute(
                "sites",
                sites.all().stream().filter(s -> SiteAccess.canAccess(s.id())).toList());
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("siteId", siteId == null ? "" : siteId);
        model.addAttribute("status", status == null ? "" : status.name());
        return "desk/queue";
    }

    private QueueRow row(Invoice i) {
        BillingSite site = sites.siteOrDefault(i.siteId());
        return new QueueRow(
                i.id(),
                i.patientId(),
                i.siteId(),
                site.name(),
                i.status().name(),
                i.serviceAt().atZone(site.zone()).toLocalDate().toString(),
                Amounts.format(i.total(), i.currency()),
                Amounts.format(i.balance(), i.currency()));
    }

    @GetMapping("/invoices/{id}")
    String invoice(@PathVariable @Size(max = 64) String id, Model model) {
        return invoicePage(invoiceAccess.require(id), model, Map.of(), Map.of());
    }

    @PostMapping("/invoices/{id}/payments")
    String pay(@PathVariable @Size(max = 64) String id, PaymentForm form, Model model, HttpServletResponse response) {
        String staff = staff(id);
        DeskInput input = new DeskInput();
        BigDecimal amount = input.amount(form.amount(), "payment-amount", true);
        PaymentReceived.Method method = input.choice(
                PaymentReceived.Method.class, form.method(), "payment-method", "Choose how the patient paid");
        if (input.ok() && amount != null && method != null) {
            if (attempt(
                    () -> manage.handle(new ManageInvoice.RecordPayment(id, amount, method, staff)),
                    "payment",
                    input)) {
                return "redirect:/invoices/" + id + "?done=payment";
            }
        }
        return invoicePage(
                invoices.get(id),
                model,
                refused(input, response),
                values("payment-", "amount", form.amount(), "method", form.method()));
    }

    @PostMapping("/invoices/{id}/refunds")
    String refund(@PathVariable @Size(max = 64) String id, RefundForm form, Model model, HttpServletResponse response) {
        String staff = staff(id);
        DeskInput input = new DeskInput();
        BigDecimal amount = input.amount(form.amount(), "refund-amount", true);
        String reason =
                input.text(form.reason(), "refund-reason", DeskInput.MAX_REASON, "Give a reason for the refund.");
        if (input.ok() && amount != null && reason != null) {
            if (attempt(
                    () -> manage.handle(new ManageInvoice.RecordRefund(id, amount, reason, staff)), "refund", input)) {
                return "redirect:/invoices/" + id + "?done=refund";
            }
        }
        return invoicePage(
                invoices.get(id),
                model,
                refused(input, response),
                values("refund-", "amount", form.amount(), "reason", form.reason()));
    }

    @PostMapping("/invoices/{id}/void")
    String voidInvoice(
            @PathVariable @Size(max = 64) String id, VoidForm form, Model model, HttpServletResponse response) {
        String staff = staff(id);
        DeskInput input = new DeskInput();
        String reason = input.text(
                form.reason(), "void-reason", DeskInput.MAX_REASON, "Give a reason for voiding the invoice.");
        if (reason != null
                && attempt(() -> manage.handle(new ManageInvoice.VoidInvoice(id, reason, staff)), "void", input)) {
            return "redirect:/invoices/" + id + "?done=void";
        }
        return invoicePage(invoices.get(id), model, refused(input, response), values("void-", "reason", form.reason()));
    }

    @PostMapping("/invoices/{id}/assistance")
    String applyAssistance(@PathVariable @Size(max = 64) String id, Model model, HttpServletResponse response) {
        String staff = staff(id);
        DeskInput input = new DeskInput();
        if (attempt(() -> assistance.handle(id, staff), "assistance", input)) {
            return "redirect:/invoices/" + id + "?done=assistance";
        }
        return invoicePage(invoices.get(id), model, refused(input, response), Map.of());
    }

    record AccountLink(String siteId, String siteName) {}

    /** A patient's account at one site ({@code siteId}, or the oldest at the user's sites), others linked. */
    @GetMapping("/patients/{patientId}")
    String patient(
            @PathVariable @Size(max = 64) String patientId,
            @RequestParam(required = false) @Size(max = 64) @Nullable String siteId,
            Model model) {
        List<PatientAccount> visible = accountAccess.visible(patientId, null);
        PatientAccount account =
                siteId == null || siteId.isBlank() ? visible.get(0) : accountAccess.require(patientId, siteId);
        AccountSummary.View view = accounts.of(account);
        BillingSite site = sites.siteOrDefault(account.siteId());
        String currency = view.currency();
        model.addAttribute("account", account);
        model.addAttribute("names", names.namesOf(List.of(account.patientId())));
        model.addAttribute("site", site);
        model.addAttribute(
                "otherAccounts",
                visible.stream()
                        .filter(a -> !a.siteId().equals(account.siteId()))
                        .map(a -> new AccountLink(
                                a.siteId(), sites.siteOrDefault(a.siteId()).name()))
                        .toList());
        model.addAttribute("balance", Amounts.format(view.balance(), currency));
        model.addAttribute("billed", Amounts.format(view.billed(), currency));
        model.addAttribute("paid", Amounts.format(view.paid(), currency));
        model.addAttribute("openInvoices", view.openInvoices());
        model.addAttribute("invoices", view.invoices().stream().map(this::row).toList());
        LocalDate today = LocalDate.now(clock.withZone(site.zone()));
        model.addAttribute("from", today.withDayOfYear(1));
        model.addAttribute("to", today);
        return "desk/patient";
    }

    /** The superbill download of the patient page (the API's takes bearer tokens only). */
    @Hidden // a page's link (signed-in session): the API document has GET /api/patients/{patientId}/superbill
    @GetMapping(value = "/patients/{patientId}/superbill", produces = MediaType.APPLICATION_PDF_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> superbill(
            @PathVariable @Size(max = 64) String patientId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 64) @Nullable String siteId) {
        PatientAccount account = accountAccess.require(patientId, siteId);
        return SuperbillResponse.of(patientId, from, to, superbill.pdf(account, from, to));
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
    String saveFeeSchedule(
            @PathVariable @Size(max = 64) String siteId,
            FeeScheduleForm form,
            Model model,
            HttpServletResponse response) {
        SiteAccess.require(siteId);
        BillingSite site = sites.get(siteId);
        DeskInput input = new DeskInput();
        List<FeeRow> rows = new ArrayList<>();
        List<FeeItem> items = new ArrayList<>();
        if (form.rows() > FeeScheduleForm.MAX_ROWS) {
            input.error("schedule-form", "A schedule has at most " + FeeScheduleForm.MAX_ROWS + " codes.");
            return feePage(site, List.of(), refused(input, response), model);
        }
        for (int n = 0; n < form.rows(); n++) {
            FeeRow row = new FeeRow(
                    form.value(form.code(), n),
                    form.value(form.description(), n),
                    form.value(form.unitPrice(), n),
                    form.value(form.effectiveFrom(), n),
                    form.value(form.effectiveTo(), n));
            rows.add(row);
            if (row.code().isEmpty()
                    && row.description().isEmpty()
                    && row.unitPrice().isEmpty()) {
                continue; // an empty row adds nothing
            }
            String code = input.text(row.code(), "code-" + n, 20, "Enter the code.");
            String description = input.text(row.description(), "description-" + n, 200, "Enter a description.");
            BigDecimal price = input.amount(row.unitPrice(), "unitPrice-" + n, false);
            LocalDate from = input.date(row.effectiveFrom(), "effectiveFrom-" + n);
            LocalDate to = input.date(row.effectiveTo(), "effectiveTo-" + n);
            if (from != null && to != null && to.isBefore(from)) {
                input.error("effectiveTo-" + n, "Must not be before the start date.");
            }
            if (code != null && description != null && price != null) {
                items.add(new FeeItem(code, description, price, from, to));
            }
        }
        if (!input.ok()) {
            return feePage(site, rows, refused(input, response), model);
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

    /** Checks the invoice's site and names the signed-in member of staff for its history. */
    private String staff(String invoiceId) {
        invoiceAccess.require(invoiceId);
        return SiteAccess.currentUser().username();
    }

    private static String local(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    private boolean attempt(Runnable action, String form, DeskInput input) {
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
            input.error(field, sentence(e.getMessage()));
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> input.error(form + "-" + f.field(), sentence(f.field() + " " + f.message())));
        }
        return false;
    }

    /** A form that was refused is shown again with its errors, answered 400 (nothing was written). */
    private static Map<String, String> refused(DeskInput input, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return input.errors();
    }

    private static String sentence(String message) {
        String s = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    /** The values typed, to show them again (prefixed with the form's name), each at most 100 characters. */
    private static Map<String, String> values(String prefix, @Nullable String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int n = 0; n + 1 < namesAndValues.length; n += 2) {
            String v = namesAndValues[n + 1];
            if (v != null) {
                out.put(prefix + namesAndValues[n], v.length() > 100 ? v.substring(0, 100) : v);
            }
        }
        return out;
    }
}
