package org.clinicops.scheduling.sites.domain;

import java.time.LocalDate;

/** A day the site is closed (a holiday), as an ISO date in the site's calendar, with a label. */
public record Closure(String date, String label) {

    public Closure {
        LocalDate.parse(date);
    }

    public LocalDate day() {
        return LocalDate.parse(date);
    }
}
