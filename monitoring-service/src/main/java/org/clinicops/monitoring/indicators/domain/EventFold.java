package org.clinicops.monitoring.indicators.domain;

import static org.clinicops.monitoring.indicators.domain.Times.nanos;

import java.time.Instant;
import java.util.HashMap;
import org.clinicops.events.AdverseEventReported;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.events.ConsultationCancelled;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationNoShow;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.InvoiceAdjusted;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.InvoiceVoided;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.PatientScreened;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SymptomScale;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.events.VitalsAlertRaised;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.AdverseEvent;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Alert;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CancelledInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedConsultation;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Hold;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Invoice;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.InvoiceAdjustment;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.LostConsultation;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.MissedInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Payer;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Payment;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Plan;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Request;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.ScheduledConsultation;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.ScheduledInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Screening;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.SiteZone;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.StoppedInfusion;
import org.jspecify.annotations.Nullable;

/**
 * Folds clinic events into {@link ClinicFacts}: one small method per event type, each storing the
 * object the event describes under its natural id. An event whose {@code ce_id} was folded before is
 * skipped. Events of a type no indicator needs (vitals recorded, alerts closed, check-ins,
 * reschedules) only make their site known.
 *
 * <p>A new event type is one method here and one line in {@link #fold}; the calculators then read
 * what it stored.
 */
final class EventFold {

    private final ClinicFacts facts;

    EventFold(ClinicFacts facts) {
        this.facts = facts;
    }

    /** Folds one event; answers whether it was new (a redelivery changes nothing). */
    boolean apply(RecordedEvent fact) {
        if (!facts.eventIds.add(fact.id())) {
            return false;
        }
        fold(fact.event());
        return true;
    }

    private void fold(ClinicEvent event) {
        String site = facts.share(event.siteId());
        facts.sites.add(site);
        if (event instanceof SiteUpdated e) {
            siteUpdated(site, e);
        } else if (event instanceof ConsultationRequested e) {
            consultationRequested(site, e);
        } else if (event instanceof ConsultationScheduled e) {
            consultationScheduled(site, e);
        } else if (event instanceof ConsultationCompleted e) {
            consultationCompleted(site, e);
        } else if (event instanceof PatientScreened e) {
            patientScreened(e);
        } else if (event instanceof TreatmentPlanApproved e) {
            treatmentPlanApproved(site, e);
        } else if (event instanceof TreatmentDeclined e) {
            treatmentDeclined(e);
        } else if (event instanceof InfusionScheduled e) {
            infusionScheduled(site, e);
        } else if (event instanceof InfusionCancelled e) {
            infusionCancelled(site, e);
        } else if (event instanceof PatientNoShow e) {
            patientNoShow(site, e);
        } else if (event instanceof SessionCompleted e) {
            sessionCompleted(site, e);
        } else if (event instanceof SessionStopped e) {
            sessionStopped(site, e);
        } else if (event instanceof VitalsAlertRaised e) {
            vitalsAlertRaised(site, e);
        } else if (event instanceof AdverseEventReported e) {
            adverseEventReported(site, e);
        } else if (event instanceof ClinicalHoldPlaced e) {
            clinicalHoldPlaced(site, e);
        } else if (event instanceof ClinicalHoldReleased e) {
            facts.releasedHolds.add(facts.share(e.holdId()));
        } else if (event instanceof InvoiceIssued e) {
            invoiceIssued(site, e);
        } else if (event instanceof PaymentReceived e) {
            paymentReceived(site, e);
        } else if (event instanceof ConsultationRequestWithdrawn e) {
            facts.withdrawnRequests.merge(facts.share(e.requestId()), nanos(e.withdrawnAt()), Math::min);
        } else if (event instanceof ConsultationCancelled e) {
            lostConsultation(site, e.appointmentId(), e.requestId(), e.cancelledAt());
        } else if (event instanceof ConsultationNoShow e) {
            lostConsultation(site, e.appointmentId(), e.requestId(), e.startsAt());
        } else if (event instanceof InvoiceVoided e) {
            facts.voidedInvoices.merge(facts.share(e.invoiceId()), nanos(e.voidedAt()), Math::min);
        } else if (event instanceof InvoiceAdjusted e) {
            invoiceAdjusted(e);
        }
    }

    /** {@code consultation-cancelled} or {@code consultation-no-show}: a consultation that will not take place. */
    private void lostConsultation(String site, String appointmentId, String requestId, Instant at) {
        facts.lostConsultations.merge(
                facts.share(appointmentId),
                new LostConsultation(site, facts.share(requestId), nanos(at)),
                (a, b) -> a.at() <= b.at() ? a : b);
    }

    /** {@code invoice-adjusted}: the invoice's new figures; the latest adjustment wins, in any order. */
    private void invoiceAdjusted(InvoiceAdjusted e) {
        facts.invoiceAdjustments.merge(
                facts.share(e.invoiceId()),
                new InvoiceAdjustment(
                        e.discount(),
                        e.total(),
                        e.patientResponsibility(),
                        e.assistanceApplied(),
                        nanos(e.adjustedAt())),
                InvoiceAdjustment::latest);
    }

    private void siteUpdated(String site, SiteUpdated e) {
        facts.zones.merge(site, new SiteZone(nanos(e.updatedAt()), e.timeZone()), SiteZone::latest);
    }

    private void consultationRequested(String site, ConsultationRequested e) {
        String patient = facts.share(e.patientId());
        facts.requests.put(
                facts.share(e.requestId()),
                new Request(site, patient, e.condition(), e.urgent(), nanos(e.requestedAt())));
        payer(site, patient, e.payerType(), e.requestedAt());
    }

    private void consultationScheduled(String site, ConsultationScheduled e) {
        facts.scheduledConsultations.put(
                facts.share(e.appointmentId()),
                new ScheduledConsultation(
                        site, facts.share(e.requestId()), e.urgent(), nanos(e.requestedAt()), nanos(e.startsAt())));
    }

    private void consultationCompleted(String site, ConsultationCompleted e) {
        facts.completedConsultations.put(
                facts.share(e.appointmentId()),
                new CompletedConsultation(
                        site, facts.share(e.requestId()), nanos(e.startsAt()), nanos(e.completedAt())));
    }

    private void patientScreened(PatientScreened e) {
        facts.screenings.merge(
                facts.share(e.requestId()),
                new Screening(
                        facts.share(e.patientId()),
                        validOrNone(SymptomScale.PHQ9, e.phq9Total()),
                        nanos(e.screenedAt())),
                Screening::latest);
    }

    private void treatmentPlanApproved(String site, TreatmentPlanApproved e) {
        facts.plans.put(facts.share(e.planId()), new Plan(facts.share(e.requestId()), e.condition(), e.sessions()));
        payer(site, facts.share(e.patientId()), e.payerType(), e.approvedAt());
    }

    private void treatmentDeclined(TreatmentDeclined e) {
        facts.declinedRequests.add(facts.share(e.requestId()));
        facts.declinedPatients.add(facts.share(e.patientId()));
    }

    private void infusionScheduled(String site, InfusionScheduled e) {
        facts.scheduledInfusions.put(
                facts.share(e.appointmentId()),
                new ScheduledInfusion(site, facts.share(e.planId()), e.sessionNumber(), nanos(e.startsAt())));
    }

    private void infusionCancelled(String site, InfusionCancelled e) {
        facts.cancelledInfusions.put(
                facts.share(e.appointmentId()),
                new CancelledInfusion(
                        site,
                        facts.share(e.planId()),
                        e.reason(),
                        e.late(),
                        e.onHold(),
                        nanos(e.startsAt()),
                        nanos(e.cancelledAt())));
    }

    private void patientNoShow(String site, PatientNoShow e) {
        facts.missedInfusions.put(
                facts.share(e.appointmentId()), new MissedInfusion(site, facts.share(e.planId()), nanos(e.startsAt())));
    }

    private void sessionCompleted(String site, SessionCompleted e) {
        facts.completedInfusions.put(
                facts.share(e.appointmentId()),
                new CompletedInfusion(
                        site,
                        facts.share(e.planId()),
                        facts.share(e.patientId()),
                        e.protocol(),
                        e.symptomScale(),
                        e.symptomScale() == null ? -1 : validOrNone(e.symptomScale(), e.symptomScore()),
                        e.courseCompleted(),
                        e.sessionNumber(),
                        e.sessionsTotal(),
                        nanos(e.startedAt()),
                        nanos(e.completedAt())));
    }

    private void sessionStopped(String site, SessionStopped e) {
        facts.stoppedInfusions.put(
                facts.share(e.appointmentId()),
                new StoppedInfusion(
                        site,
                        facts.share(e.planId()),
                        facts.share(e.patientId()),
                        e.reason(),
                        nanos(e.startedAt()),
                        nanos(e.stoppedAt())));
    }

    private void vitalsAlertRaised(String site, VitalsAlertRaised e) {
        facts.alerts.put(e.alertId(), new Alert(site, facts.share(e.rule()), nanos(e.raisedAt())));
    }

    private void adverseEventReported(String site, AdverseEventReported e) {
        facts.adverseEvents.put(
                e.adverseEventId(), new AdverseEvent(site, e.category(), e.grade(), nanos(e.onsetAt())));
    }

    private void clinicalHoldPlaced(String site, ClinicalHoldPlaced e) {
        facts.holds.put(facts.share(e.holdId()), new Hold(site, facts.share(e.patientId()), nanos(e.placedAt())));
    }

    private void invoiceIssued(String site, InvoiceIssued e) {
        String patient = facts.share(e.patientId());
        facts.invoices.put(
                facts.share(e.invoiceId()),
                new Invoice(
                        site,
                        patient,
                        e.payerType(),
                        e.source(),
                        e.sourceId() == null ? null : facts.share(e.sourceId()),
                        e.assistanceApplied(),
                        e.subtotal(),
                        e.discount(),
                        e.total(),
                        e.patientResponsibility(),
                        nanos(e.issuedAt())));
        payer(site, patient, e.payerType(), e.issuedAt());
    }

    private void paymentReceived(String site, PaymentReceived e) {
        facts.payments.put(
                e.paymentId(),
                new Payment(site, facts.share(e.invoiceId()), e.kind(), e.method(), e.amount(), nanos(e.receivedAt())));
    }

    /**
     * A score as the indicators may use it: -1 when there is none or it lies outside its scale
     * (PHQ-9 0-27, GAD-7 0-21, PCL-5 0-80, pain 0-10), which is a producer's error, never a patient's
     * state: it counts neither as a baseline nor as an outcome.
     */
    private static int validOrNone(SymptomScale scale, @Nullable Integer score) {
        return score != null && scale.admits(score) ? score : -1;
    }

    private void payer(String site, String patient, PayerType type, Instant at) {
        facts.payers
                .computeIfAbsent(site, s -> new HashMap<>())
                .merge(patient, new Payer(nanos(at), type), Payer::latest);
    }
}
