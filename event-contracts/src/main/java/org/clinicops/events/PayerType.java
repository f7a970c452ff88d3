package org.clinicops.events;

/** How the patient pays. */
public enum PayerType {
    SELF_PAY,
    INSURANCE,
    OUT_OF_NETWORK
}
