package org.clinicops.scheduling.booking.domain;

/** What an appointment is for. */
public enum AppointmentType {
    CONSULTATION,
    INFUSION
}
