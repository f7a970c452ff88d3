package org.clinicops.monitoring.sessions.domain;

/** A safety or register write that needs a known, open session. */
public enum SessionWrite {
    VITALS("vitals"),
    ADVERSE_EVENT("an adverse event"),
    /** Ketamine drawn for the session (the controlled-substance register): only while it is under way. */
    DRAW("drug draws");

    private final String words;

    SessionWrite(String words) {
        this.words = words;
    }

    /** How a message names it. */
    public String words() {
        return words;
    }
}
