package org.clinicops.billing.charging.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.clinicops.billing.accounts.application.ServiceDiagnoses;
import org.clinicops.billing.charging.domain.ConsultationChargeRule;
import org.clinicops.billing.charging.domain.MissedAppointmentFeeRule;
import org.clinicops.billing.charging.domain.SessionChargeRule;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The charge use cases, one method per source event: a completed or stopped session, a completed
 * consultation, a no-show, a late cancellation. Each charges at most once per appointment.
 */
@Service
public class ChargeForEvents {

    private static final Logger log = LoggerFactory.getLogger(ChargeForEvents.class);

    private final ChargeInvoicing invoicing;
    private final InvoiceRepository invoices;
    private final ChargeMetrics metrics;
    private final SessionOutcomes outcomes;
    private final ServiceDiagnoses diagnoses;
    private final SessionChargeRule sessionRule = new SessionChargeRule();
    private final ConsultationChargeRule consultationRule = new ConsultationChargeRule();
    private final MissedAppointmentFeeRule missedRule = new MissedAppointmentFeeRule();

    ChargeForEvents(
            ChargeInvoicing invoicing,
            InvoiceRepository invoices,
            ChargeMetrics metrics,
            SessionOutcomes outcomes,
            ServiceDiagnoses diagnoses) {
        this.invoicing = invoicing;
        this.diagnoses = diagnoses;
        this.outcomes = outcomes;
        this.invoices = invoices;
        this.metrics = metrics;
    }

    public void handle(SessionCompleted event) {
        chargeSession(new SessionGiven(
                event.appointmentId(),
                event.planId(),
                event.patientId(),
                event.siteId(),
                event.route(),
                event.infusionMinutes(),
                event.doseMg(),
                event.completedAt(),
                SessionOutcomes.Outcome.COMPLETED,
                null,
                event.courseCompleted()));
    }

    /** A session stopped early: charged by the same rule as a completed one, from what was given. */
    public void handle(SessionStopped event) {
        chargeSession(new SessionGiven(
                event.appointmentId(),
                event.planId(),
                event.patientId(),
                event.siteId(),
                event.route(),
                event.infusionMinutes(),
                event.doseMg(),
                event.stoppedAt(),
                SessionOutcomes.Outcome.STOPPED,
                event.reason(),
                false));
    }

    /** What was given at a session, however it ended. */
    private record SessionGiven(
            String appointmentId,
            String planId,
            String patientId,
            String siteId,
            Route route,
            int infusionMinutes,
            BigDecimal doseMg,
            Instant endedAt,
            SessionOutcomes.Outcome outcome,
            SessionStopped.@Nullable Reason stopReason,
            boolean courseCompleted) {}

    /**
     * The one path of every session charge: the appointment's outcome is claimed first (completed and
     * stopped never both charge), then the minutes and dose given are charged by the session rule,
     * with the package and assistance rules of any session.
     */
    private void chargeSession(SessionGiven session) {
        if (!outcomes.claim(session.appointmentId(), session.outcome(), session.endedAt())) {
            log.info(
                    "appointment {} already ended otherwise; its {} session is not charged",
                    session.appointmentId(),
                    session.outcome());
            return;
        }
        var charged = invoicing.charge(new ChargeInvoicing.Request(
                session.patientId(),
                session.siteId(),
                InvoiceIssued.Source.SESSION,
                session.appointmentId(),
                session.planId(),
                session.endedAt(),
                sessionRule.codesFor(session.route(), session.infusionMinutes(), session.doseMg()),
                true,
                session.stopReason(),
                diagnoses.ofPlan(session.planId()).orElse(null)));
        charged.ifPresent(invoice -> {
            metrics.sessionOutOfPocket(invoice.siteId(), invoice.currency(), invoice.patientResponsibility());
            if (session.courseCompleted()) {
                BigDecimal course = invoices.all(session.patientId(), null, null).stream()
                        .filter(i -> session.planId().equals(i.courseId()) && i.status() != InvoiceStatus.VOID)
                        .map(Invoice::patientResponsibility)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                metrics.courseOutOfPocket(invoice.siteId(), invoice.currency(), Money.cents(course));
            }
        });
    }

    /**
     * A completed consultation is billed with the evaluation code of its patient (new or established)
     * and level; it is free where the site's schedule does not price that code.
     */
    public void handle(ConsultationCompleted event) {
        var item = consultationRule.codeFor(event.newPatient(), event.visitLevel());
        var charged = invoicing.charge(new ChargeInvoicing.Request(
                event.patientId(),
                event.siteId(),
                InvoiceIssued.Source.CONSULTATION,
                event.appointmentId(),
                null,
                event.completedAt(),
                List.of(item),
                false,
                null,
                diagnoses.ofRequest(event.requestId()).orElse(null)));
        if (charged.isEmpty()) {
            log.info(
                    "consultation {} not charged: {} is not priced at {} (or it was charged before)",
                    event.appointmentId(),
                    item.code(),
                    event.siteId());
        }
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
