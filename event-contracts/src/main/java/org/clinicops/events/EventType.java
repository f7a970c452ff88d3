package org.clinicops.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event of contract version 1 with its fixed topic and CloudEvents type. The strings are
 * part of the public contract: never derive them from class names and never change them within a
 * version.
 */
public enum EventType {
    SITE_UPDATED("clinic.site-updated", "clinic.site-updated.v1", SiteUpdated.class),
    CONSULTATION_REQUESTED(
            "clinic.consultation-requested", "clinic.consultation-requested.v1", ConsultationRequested.class),
    CONSULTATION_SCHEDULED(
            "clinic.consultation-scheduled", "clinic.consultation-scheduled.v1", ConsultationScheduled.class),
    CONSULTATION_COMPLETED(
            "clinic.consultation-completed", "clinic.consultation-completed.v1", ConsultationCompleted.class),
    PATIENT_SCREENED("clinic.patient-screened", "clinic.patient-screened.v1", PatientScreened.class),
    TREATMENT_PLAN_APPROVED(
            "clinic.treatment-plan-approved", "clinic.treatment-plan-approved.v1", TreatmentPlanApproved.class),
    TREATMENT_DECLINED("clinic.treatment-declined", "clinic.treatment-declined.v1", TreatmentDeclined.class),
    INFUSION_SCHEDULED("clinic.infusion-scheduled", "clinic.infusion-scheduled.v1", InfusionScheduled.class),
    INFUSION_RESCHEDULED("clinic.infusion-rescheduled", "clinic.infusion-rescheduled.v1", InfusionRescheduled.class),
    INFUSION_CANCELLED("clinic.infusion-cancelled", "clinic.infusion-cancelled.v1", InfusionCancelled.class),
    PATIENT_NO_SHOW("clinic.patient-no-show", "clinic.patient-no-show.v1", PatientNoShow.class),
    SESSION_COMPLETED("clinic.session-completed", "clinic.session-completed.v1", SessionCompleted.class),
    VITALS_ALERT_RAISED("clinic.vitals-alert-raised", "clinic.vitals-alert-raised.v1", VitalsAlertRaised.class),
    ADVERSE_EVENT_REPORTED(
            "clinic.adverse-event-reported", "clinic.adverse-event-reported.v1", AdverseEventReported.class),
    CLINICAL_HOLD_PLACED("clinic.clinical-hold-placed", "clinic.clinical-hold-placed.v1", ClinicalHoldPlaced.class),
    CLINICAL_HOLD_RELEASED(
            "clinic.clinical-hold-released", "clinic.clinical-hold-released.v1", ClinicalHoldReleased.class),
    INVOICE_ISSUED("clinic.invoice-issued", "clinic.invoice-issued.v1", InvoiceIssued.class),
    PAYMENT_RECEIVED("clinic.payment-received", "clinic.payment-received.v1", PaymentReceived.class);

    /** CloudEvents {@code specversion} used by every event. */
    public static final String SPEC_VERSION = "1.0";

    /** Content type of every event body. */
    public static final String CONTENT_TYPE = "application/json";

    private final String topic;
    private final String type;
    private final Class<? extends ClinicEvent> payloadClass;

    EventType(String topic, String type, Class<? extends ClinicEvent> payloadClass) {
        this.topic = topic;
        this.type = type;
        this.payloadClass = payloadClass;
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
}
