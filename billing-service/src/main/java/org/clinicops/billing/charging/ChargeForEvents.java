package org.clinicops.billing.charging;

import java.math.BigDecimal;
import java.util.List;
import org.clinicops.billing.charging.domain.ConsultationChargeRule;
import org.clinicops.billing.charging.domain.MissedAppointmentFeeRule;
import org.clinicops.billing.charging.domain.SessionChargeRule;
import org.clinicops.billing.invoicing.InvoiceStore;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.metrics.BillingMetrics;
import org.clinicops.billing.sites.BillingSite;
import org.clinicops.billing.sites.BillingSites;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.SessionCompleted;
import org.springframework.stereotype.Service;

/**
 * The charge use cases, one method per source event: a completed session, a completed
 * consultation, a no-show, a late cancellation. Each charges at most once per appointment.
 */
@Service
public class ChargeForEvents {

    private final ChargeInvoicing invoicing;
    private final BillingSites sites;
    private final InvoiceStore invoices;
    private final BillingMetrics metrics;
    private final SessionChargeRule sessionRule = new SessionChargeRule();
    private final ConsultationChargeRule consultationRule = new ConsultationChargeRule();
    private final MissedAppointmentFeeRule missedRule = new MissedAppointmentFeeRule();

    ChargeForEvents(ChargeInvoicing invoicing, BillingSites sites, InvoiceStore invoices, BillingMetrics metrics) {
        this.invoicing = invoicing;
        this.sites = sites;
        this.invoices = invoices;
        this.metrics = metrics;
    }

    public void handle(SessionCompleted event) {
        var charged = invoicing.charge(new ChargeInvoicing.Request(
                event.patientId(),
                event.siteId(),
                InvoiceIssued.Source.SESSION,
                event.appointmentId(),
                event.planId(),
                event.completedAt(),
                sessionRule.codesFor(event.route(), event.infusionMinutes(), event.doseMg()),
                true));
        charged.ifPresent(invoice -> {
            metrics.sessionOutOfPocket(invoice.siteId(), invoice.currency(), invoice.patientResponsibility());
            if (event.courseCompleted()) {
                BigDecimal course = invoices.all(event.patientId(), null, null).stream()
                        .filter(i -> event.planId().equals(i.courseId()) && i.status() != InvoiceStatus.VOID)
                        .map(Invoice::patientResponsibility)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                metrics.courseOutOfPocket(invoice.siteId(), invoice.currency(), Money.cents(course));
            }
        });
    }

    public void handle(ConsultationCompleted event) {
        BillingSite site = sites.siteOrDefault(event.siteId());
        var day = event.completedAt().atZone(site.zone()).toLocalDate();
        consultationRule
                .codeFor(code -> site.price(code, day).isPresent())
                .ifPresent(item -> invoicing.charge(new ChargeInvoicing.Request(
                        event.patientId(),
                        event.siteId(),
                        InvoiceIssued.Source.CONSULTATION,
                        event.appointmentId(),
                        null,
                        event.completedAt(),
                        List.of(item),
                        false)));
    }

    public void handle(PatientNoShow event) {
        invoicing.charge(new ChargeInvoicing.Request(
                event.patientId(),
                event.siteId(),
                InvoiceIssued.Source.NO_SHOW,
                event.appointmentId(),
                event.planId(),
                event.startsAt(),
                List.of(missedRule.noShow()),
                false));
    }

    public void handle(InfusionCancelled event) {
        missedRule
                .cancellation(event.late(), event.onHold(), event.reason())
                .ifPresent(item -> invoicing.charge(new ChargeInvoicing.Request(
                        event.patientId(),
                        event.siteId(),
                        InvoiceIssued.Source.LATE_CANCELLATION,
                        event.appointmentId(),
                        event.planId(),
                        event.startsAt(),
                        List.of(item),
                        false)));
    }
}
