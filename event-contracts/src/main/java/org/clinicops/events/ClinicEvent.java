package org.clinicops.events;

/**
 * A payload of a clinic event. The record key of the Kafka message is {@link #key()}: the
 * pseudonymous patient id for patient events, the site id for site events ({@link SiteUpdated} and
 * {@link ControlledSubstanceDiscrepancy}, which carries no patient identity).
 */
public sealed interface ClinicEvent permits SiteUpdated, ControlledSubstanceDiscrepancy, PatientEvent {

    /** The Kafka record key. */
    String key();

    /** The site the event belongs to. */
    String siteId();

    default EventType eventType() {
        return EventType.of(getClass());
    }
}
