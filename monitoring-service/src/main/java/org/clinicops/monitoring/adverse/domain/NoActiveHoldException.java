package org.clinicops.monitoring.adverse.domain;

/** A release was asked for a patient who is not on clinical hold. */
public class NoActiveHoldException extends RuntimeException {

    public NoActiveHoldException(String patientId) {
        super("patient " + patientId + " is not on clinical hold");
    }
}
