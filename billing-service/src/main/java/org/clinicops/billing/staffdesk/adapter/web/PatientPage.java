package org.clinicops.billing.staffdesk.adapter.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.billing.accounts.application.AccountAccess;
import org.clinicops.billing.accounts.application.AccountSummary;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.billing.sites.domain.BillingSite;
import org.clinicops.billing.superbill.application.Superbill;
import org.clinicops.billing.superbill.application.SuperbillPdf;
import org.clinicops.platform.patients.PatientNameLookup;
import org.clinicops.platform.web.Downloads;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A patient's account at one site ({@code siteId}, or the oldest at the user's sites) with its
 * invoices, the accounts at the user's other sites linked, and the superbill download.
 */
@Controller
class PatientPage {

    private final AccountAccess access;
    private final AccountSummary accounts;
    private final InvoiceRows rows;
    private final Superbill superbill;
    private final BillingSites sites;
    private final PatientNameLookup names;
    private final Clock clock;

    PatientPage(
            AccountAccess access,
            AccountSummary accounts,
            InvoiceRows rows,
            Superbill superbill,
            BillingSites sites,
            PatientNameLookup names,
            Clock clock) {
        this.access = access;
        this.accounts = accounts;
        this.rows = rows;
        this.superbill = superbill;
        this.sites = sites;
        this.names = names;
        this.clock = clock;
    }

    record AccountLink(String siteId, String siteName) {}

    @GetMapping("/patients/{patientId}")
    String patient(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId,
            @RequestParam(required = false) @Size(max = ApiBounds.MAX_ID_LENGTH) @Nullable String siteId,
            Model model) {
        List<PatientAccount> visible = access.visible(patientId, null);
        PatientAccount account =
                siteId == null || siteId.isBlank() ? visible.get(0) : access.require(patientId, siteId);
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
        model.addAttribute("invoices", view.invoices().stream().map(rows::of).toList());
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
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = ApiBounds.MAX_ID_LENGTH) @Nullable String siteId) {
        SuperbillPdf pdf = superbill.pdf(access.require(patientId, siteId), from, to);
        return Downloads.attachment(MediaType.APPLICATION_PDF, pdf.fileName(), pdf.content());
    }
}
