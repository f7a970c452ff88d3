package org.clinicops.scheduling.booking.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduling rules ({@code clinic.scheduling.*}).
 *
 * @param gridMinutes appointments start and end on this grid (divides an hour)
 * @param consultationMinutes length of a consultation
 * @param horizonDays how far ahead a consultation is searched before it waits on the waiting list
 * @param seriesHorizonDays how far ahead the first session of a series may start
 * @param nurseRatio infusions at a site at any time are at most this times its nurses
 * @param checkInOpensBefore how long before the start check-in opens
 * @param checkInClosesAfter how long after the start check-in closes (then only reschedule or no-show)
 * @param lateCancellationWindow a cancellation closer than this to the start is late
 * @param reservationGrace age after which reservations that no appointment holds are removed
 * @param waitingListRetryInterval how often the waiting list is retried
 * @param sweepInterval how often leftover reservations are swept
 */
@ConfigurationProperties("clinic.scheduling")
public record SchedulingProperties(
        @DefaultValue("15") int gridMinutes,
        @DefaultValue("45") int consultationMinutes,
        @DefaultValue("30") int horizonDays,
        @DefaultValue("60") int seriesHorizonDays,
        @DefaultValue("3") int nurseRatio,
        @DefaultValue("2h") Duration checkInOpensBefore,
        @DefaultValue("30m") Duration checkInClosesAfter,
        @DefaultValue("24h") Duration lateCancellationWindow,
        @DefaultValue("5m") Duration reservationGrace,
        @DefaultValue("60s") Duration waitingListRetryInterval,
        @DefaultValue("60s") Duration sweepInterval) {}
