package org.clinicops.scheduling.booking.domain;

import java.time.Instant;

/**
 * One grid cell of one resource (chair, clinician, patient or nurse capacity token) held by an
 * appointment. Its id is unique per resource and cell, e.g. {@code chair:bos/bos-1@2026-12-01T14:15:00Z},
 * so the database refuses a second holder.
 */
public record Reservation(String id, String resource, String siteId, Instant cell, String appointmentId) {

    public static Reservation of(String resource, String siteId, Instant cell, String appointmentId) {
        return new Reservation(idOf(resource, cell), resource, siteId, cell, appointmentId);
    }

    public static String idOf(String resource, Instant cell) {
        return resource + "@" + CellTimes.format(cell);
    }

    /** The resource part of a reservation id ({@code resource@instant}): the inverse of {@link #idOf}. */
    public static String resourceOf(String id) {
        return id.substring(0, id.lastIndexOf('@'));
    }

    /** The cell part of a reservation id ({@code resource@instant}): the inverse of {@link #idOf}. */
    public static Instant cellOf(String id) {
        return CellTimes.parse(id.substring(id.lastIndexOf('@') + 1));
    }

    public static String chair(String siteId, String chairId) {
        return "chair:" + siteId + "/" + chairId;
    }

    public static String clinician(String clinicianId) {
        return "clinician:" + clinicianId;
    }

    public static String patient(String patientId) {
        return "patient:" + patientId;
    }

    /** The k-th infusion capacity token of a site (capacity = nurse ratio x nurses). */
    public static String nurseCapacity(String siteId, int k) {
        return "nurse-capacity:" + siteId + "#" + k;
    }
}
