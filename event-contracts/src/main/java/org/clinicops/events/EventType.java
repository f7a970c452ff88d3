package org.clinicops.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event of contract version 1 with its fixed topic and CloudEvents type, and the one service
 * that publishes it. The strings are part of the public contract: never derive them from class names
 * and never change them within a version.
 */
public enum EventType {
    SITE_UPDATED("clinic.site-updated", "clinic.site-updated.v1", SiteUpdated.class, Owner.SCHEDULING),
    CONSULTATION_REQUESTED(
            "clinic.consultation-requested",
            "clinic.consultation-requested.v1",
            ConsultationRequested.class,
            Owner.INTAKE),
    CONSULTATION_SCHEDULED(
            "clinic.consultation-scheduled",
            "clinic.consultation-scheduled.v1",
            ConsultationScheduled.class,
            Owner.SCHEDULING),
    CONSULTATION_CHECKED_IN(
            "clinic.consultation-checked-in",
            "clinic.consultation-checked-in.v1",
            ConsultationCheckedIn.class,
            Owner.SCHEDULING),
    CONSULTATION_COMPLETED(
            "clinic.consultation-completed",
            "clinic.consultation-completed.v1",
            ConsultationCompleted.class,
            Owner.SCHEDULING),
    PATIENT_SCREENED("clinic.patient-screened", "clinic.patient-screened.v1", PatientScreened.class, Owner.INTAKE),
    TREATMENT_PLAN_APPROVED(
            "clinic.treatment-plan-approved",
            "clinic.treatment-plan-approved.v1",
            TreatmentPlanApproved.class,
            Owner.INTAKE),
    TREATMENT_DECLINED(
            "clinic.treatment-declined", "clinic.treatment-declined.v1", TreatmentDeclined.class, Owner.INTAKE),
    INFUSION_SCHEDULED(
            "clinic.infusion-scheduled", "clinic.infusion-scheduled.v1", InfusionScheduled.class, Owner.SCHEDULING),
    INFUSION_RESCHEDULED(
            "clinic.infusion-rescheduled",
            "clinic.infusion-rescheduled.v1",
            InfusionRescheduled.class,
            Owner.SCHEDULING),
    INFUSION_CANCELLED(
            "clinic.infusion-cancelled", "clinic.infusion-cancelled.v1", InfusionCancelled.class, Owner.SCHEDULING),
    PATIENT_NO_SHOW("clinic.patient-no-show", "clinic.patient-no-show.v1", PatientNoShow.class, Owner.SCHEDULING),
    SESSION_COMPLETED(
            "clinic.session-completed", "clinic.session-completed.v1", SessionCompleted.class, Owner.SCHEDULING),
    SESSION_STOPPED("clinic.session-stopped", "clinic.session-stopped.v1", SessionStopped.class, Owner.SCHEDULING),
    VITALS_RECORDED("clinic.vitals-recorded", "clinic.vitals-recorded.v1", VitalsRecorded.class, Owner.MONITORING),
    VITALS_ALERT_RAISED(
            "clinic.vitals-alert-raised", "clinic.vitals-alert-raised.v1", VitalsAlertRaised.class, Owner.MONITORING),
    VITALS_ALERT_CLOSED(
            "clinic.vitals-alert-closed", "clinic.vitals-alert-closed.v1", VitalsAlertClosed.class, Owner.MONITORING),
    ADVERSE_EVENT_REPORTED(
            "clinic.adverse-event-reported",
            "clinic.adverse-event-reported.v1",
            AdverseEventReported.class,
            Owner.MONITORING),
    CLINICAL_HOLD_PLACED(
            "clinic.clinical-hold-placed",
            "clinic.clinical-hold-placed.v1",
            ClinicalHoldPlaced.class,
            Owner.MONITORING),
    CLINICAL_HOLD_RELEASED(
            "clinic.clinical-hold-released",
            "clinic.clinical-hold-released.v1",
            ClinicalHoldReleased.class,
            Owner.MONITORING),
    INVOICE_ISSUED("clinic.invoice-issued", "clinic.invoice-issued.v1", InvoiceIssued.class, Owner.BILLING),
    PAYMENT_RECEIVED("clinic.payment-received", "clinic.payment-received.v1", PaymentReceived.class, Owner.BILLING),
    // added later, appended: a position stored anywhere keeps its meaning
    CONSULTATION_REQUEST_WITHDRAWN(
            "clinic.consultation-request-withdrawn",
            "clinic.consultation-request-withdrawn.v1",
            ConsultationRequestWithdrawn.class,
            Owner.INTAKE),
    CONSULTATION_CANCELLED(
            "clinic.consultation-cancelled",
            "clinic.consultation-cancelled.v1",
            ConsultationCancelled.class,
            Owner.SCHEDULING),
    CONSULTATION_NO_SHOW(
            "clinic.consultation-no-show",
            "clinic.consultation-no-show.v1",
            ConsultationNoShow.class,
            Owner.SCHEDULING),
    INVOICE_VOIDED("clinic.invoice-voided", "clinic.invoice-voided.v1", InvoiceVoided.class, Owner.BILLING),
    INVOICE_ADJUSTED("clinic.invoice-adjusted", "clinic.invoice-adjusted.v1", InvoiceAdjusted.class, Owner.BILLING),
    CONTROLLED_SUBSTANCE_DISCREPANCY(
            "clinic.controlled-substance-discrepancy",
            "clinic.controlled-substance-discrepancy.v1",
            ControlledSubstanceDiscrepancy.class,
            Owner.MONITORING);

    /** CloudEvents {@code specversion} used by every event. */
    public static final String SPEC_VERSION = "1.0";

    /** Content type of every event body. */
    public static final String CONTENT_TYPE = "application/json";

    /** Prefix of the CloudEvents {@code source} of every service, followed by its application name. */
    public static final String SOURCE_PREFIX = "/clinicops/";

    private final String topic;
    private final String type;
    private final Class<? extends ClinicEvent> payloadClass;
    private final String producer;

    EventType(String topic, String type, Class<? extends ClinicEvent> payloadClass, String producer) {
        this.topic = topic;
        this.type = type;
        this.payloadClass = payloadClass;
        this.producer = producer;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code clinic.session-completed.v1}. */
    public String type() {
        return type;
    }

    /** The event name without prefix and version, e.g. {@code session-completed}. */
    public String eventName() {
        return topic.substring("clinic.".length());
    }

    public Class<? extends ClinicEvent> payloadClass() {
        return payloadClass;
    }

    /**
     * The application name ({@code spring.application.name}) of the one service that publishes this
     * event, e.g. {@code scheduling-service}.
     */
    public String producer() {
        return producer;
    }

    /**
     * The CloudEvents {@code source} (header {@code ce_source}) that the producing service writes,
     * e.g. {@code /clinicops/scheduling-service}. A consumer can refuse an event whose {@code
     * ce_source} is not this one.
     */
    public String source() {
        return SOURCE_PREFIX + producer;
    }

    /**
     * Whether the record key is the site id rather than a pseudonymous patient id: events about a
     * site that carry no patient identity.
     */
    public boolean keyedBySite() {
        return this == SITE_UPDATED || this == CONTROLLED_SUBSTANCE_DISCREPANCY;
    }

    /** Whether the topic is log-compacted (latest state per key). */
    public boolean compacted() {
        return this == SITE_UPDATED;
    }

    public static Optional<EventType> fromType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.type.equals(ceType)).findFirst();
    }

    public static Optional<EventType> fromTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
    }

    public static EventType of(Class<?> payloadClass) {
        return Arrays.stream(values())
                .filter(t -> t.payloadClass.equals(payloadClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a v1 clinic event: " + payloadClass.getName()));
    }

    /** Application names of the services that publish events. */
    private static final class Owner {
        static final String INTAKE = "intake-service";
        static final String SCHEDULING = "scheduling-service";
        static final String BILLING = "billing-service";
        static final String MONITORING = "monitoring-service";

        private Owner() {}
    }
}
