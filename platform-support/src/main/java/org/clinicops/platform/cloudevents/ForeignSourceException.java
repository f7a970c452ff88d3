package org.clinicops.platform.cloudevents;

/**
 * An event whose {@code ce_source} is not the service that owns its topic ({@code
 * EventType.source()}): only scheduling may say a site changed, only monitoring that a clinical hold
 * was placed or released. It is never applied and goes straight to the dead-letter topic. The
 * message names the record's position and the claimed source, never its content.
 */
public class ForeignSourceException extends MalformedEventException {

    public ForeignSourceException(String message) {
        super(message);
    }
}
