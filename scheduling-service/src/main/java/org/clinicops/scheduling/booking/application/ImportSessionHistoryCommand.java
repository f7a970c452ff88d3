package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.List;

/**
 * Infusion sessions of a site's history to import, one batch.
 *
 * @param infusionMinutes the infusion time of every session's plan
 * @param observationMinutes the observation time after it
 * @param sessions each numbered uniquely within the site's import, so importing again changes nothing
 */
public record ImportSessionHistoryCommand(
        String siteId,
        int infusionMinutes,
        int observationMinutes,
        List<ImportSessionHistoryCommand.Session> sessions) {

    public ImportSessionHistoryCommand {
        sessions = List.copyOf(sessions);
    }

    /** One session: its number, the chair it was (or is) on, its start and how it ended. */
    public record Session(int n, String chairId, Instant startsAt, Outcome outcome) {}

    /** How a past session ended, or SCHEDULED for one still ahead. */
    public enum Outcome {
        COMPLETED,
        CANCELLED,
        NO_SHOW,
        SCHEDULED;

        /** Completed and scheduled sessions hold their chair, nurse and patient time; the others freed it. */
        boolean holdsTime() {
            return this == COMPLETED || this == SCHEDULED;
        }
    }

    /**
     * What an import did: sessions stored now, sessions stored by an earlier import (skipped),
     * sessions whose time another appointment holds (refused), and the appointments in the store.
     */
    public record Result(int imported, int alreadyImported, int refused, long appointmentsInStore) {}
}
