package org.clinicops.platform.problem;

/** The requested object does not exist (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
