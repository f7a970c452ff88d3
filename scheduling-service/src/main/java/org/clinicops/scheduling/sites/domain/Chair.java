package org.clinicops.scheduling.sites.domain;

/** A treatment chair; one out of service takes no new bookings. */
public record Chair(String id, String name, boolean inService) {

    public Chair withInService(boolean value) {
        return new Chair(id, name, value);
    }
}
