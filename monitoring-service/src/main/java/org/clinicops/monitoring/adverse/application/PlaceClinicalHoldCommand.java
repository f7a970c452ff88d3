package org.clinicops.monitoring.adverse.application;

/** A serious adverse event stops the patient's treatment. */
public record PlaceClinicalHoldCommand(String patientId, String siteId, String adverseEventId, int grade) {}
