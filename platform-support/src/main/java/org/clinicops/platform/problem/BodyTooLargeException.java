package org.clinicops.platform.problem;

import java.io.IOException;

/**
 * A request body grew past the size limit while it was read (a chunked body has no length to check
 * first); the request is answered 413.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long maxBytes) {
        super("Request body larger than " + maxBytes + " bytes");
    }
}
