package org.clinicops.platform.cloudevents;

/**
 * A record that can never be applied: not a CloudEvent, an unexpected type, or a body that does
 * not match the contract. It is not retried; it goes straight to the dead-letter topic. Messages
 * name the record's position, never its content.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
