package org.clinicops.scheduling.booking.application;

/** In-process notice that a patient's last active clinical hold was released: their waiting plans may book. */
public record PatientReleased(String patientId) {}
