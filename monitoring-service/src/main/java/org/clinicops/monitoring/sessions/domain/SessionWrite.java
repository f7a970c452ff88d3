package org.clinicops.monitoring.sessions.domain;

/** A safety write that needs a known, open session. */
public enum SessionWrite {
    VITALS("vitals"),
    ADVERSE_EVENT("an adverse event");

    private final String words;

    SessionWrite(String words) {
        this.words = words;
    }

    /** How a message names it. */
    public String words() {
        return words;
    }
}
