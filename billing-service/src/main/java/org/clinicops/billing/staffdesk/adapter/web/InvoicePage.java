package org.clinicops.billing.staffdesk.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.billing.assistance.application.ApplyAssistance;
import org.clinicops.billing.invoicing.application.InvoiceAccess;
import org.clinicops.billing.invoicing.application.ManageInvoice;
import org.clinicops.billing.staffdesk.adapter.web.InvoiceForms.AssistanceForm;
import org.clinicops.billing.staffdesk.adapter.web.InvoiceForms.InvoiceForm;
import org.clinicops.billing.staffdesk.adapter.web.InvoiceForms.PaymentForm;
import org.clinicops.billing.staffdesk.adapter.web.InvoiceForms.RefundForm;
import org.clinicops.billing.staffdesk.adapter.web.InvoiceForms.VoidForm;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An invoice and its actions: record a payment, refund, void, apply assistance, each one use case.
 * The invoice's site is checked first (403); a form with errors, or one its use case refused, shows
 * the invoice page again with the errors beside their fields (400), a done one goes back to it. The
 * member of staff in the history is the signed-in user.
 */
@Controller
class InvoicePage {

    private final InvoiceAccess access;
    private final ManageInvoice manage;
    private final ApplyAssistance assistance;
    private final InvoiceView view;

    InvoicePage(InvoiceAccess access, ManageInvoice manage, ApplyAssistance assistance, InvoiceView view) {
        this.access = access;
        this.manage = manage;
        this.assistance = assistance;
        this.view = view;
    }

    @GetMapping("/invoices/{id}")
    String invoice(@PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String id, Model model) {
        return view.show(access.require(id), model, Map.of(), Map.of());
    }

    @PostMapping("/invoices/{id}/payments")
    String pay(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String id,
            @Valid PaymentForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        Consumer<String> recordPayment =
                by -> manage.handle(new ManageInvoice.RecordPayment(id, form.amountValue(), form.methodValue(), by));
        return submit(id, form, errors, recordPayment, model, response);
    }

    @PostMapping("/invoices/{id}/refunds")
    String refund(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String id,
            @Valid RefundForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        Consumer<String> recordRefund =
                by -> manage.handle(new ManageInvoice.RecordRefund(id, form.amountValue(), form.reasonValue(), by));
        return submit(id, form, errors, recordRefund, model, response);
    }

    @PostMapping("/invoices/{id}/void")
    String voidInvoice(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String id,
            @Valid VoidForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        Consumer<String> voidIt = by -> manage.handle(new ManageInvoice.VoidInvoice(id, form.reasonValue(), by));
        return submit(id, form, errors, voidIt, model, response);
    }

    @PostMapping("/invoices/{id}/assistance")
    String applyAssistance(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String id, Model model, HttpServletResponse response) {
        AssistanceForm form = new AssistanceForm();
        BindingResult errors = new MapBindingResult(new HashMap<>(), form.name());
        return submit(id, form, errors, by -> assistance.handle(id, by), model, response);
    }

    /**
     * Checks the invoice's site (403), then runs the form's use case as the signed-in member of staff
     * unless the form has errors. Done: back to the invoice page ({@code ?done=<form>}). Refused: the
     * page again with the errors beside their fields and the values typed, answered 400.
     */
    private String submit(
            String invoiceId,
            InvoiceForm form,
            BindingResult errors,
            Consumer<String> useCase,
            Model model,
            HttpServletResponse response) {
        access.require(invoiceId);
        String by = SiteAccess.currentUser().username();
        if (!errors.hasErrors() && RefusedForms.attempt(() -> useCase.accept(by), errors, form.fieldOfConflict())) {
            return "redirect:/invoices/" + invoiceId + "?done=" + form.name();
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return view.show(
                access.require(invoiceId),
                model,
                RefusedForms.errors(form.name(), errors),
                RefusedForms.typed(form.name(), form.typed()));
    }
}
