package org.clinicops.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An infusion in progress was stopped before its planned end. The session ends as stopped, not
 * completed: billing charges only what was given (by the same minute rules as a completed session)
 * and the indicators count it apart from completed sessions.
 *
 * @param reason why the infusion was stopped
 * @param doseMg the dose actually given in milligrams (decimal string)
 * @param infusionMinutes the minutes actually infused, 0 or more
 * @param startedAt when the infusion started
 * @param stoppedAt when the infusion was stopped
 */
public record SessionStopped(
        String appointmentId,
        String planId,
        String patientId,
        String siteId,
        String chairId,
        int sessionNumber,
        int sessionsTotal,
        Protocol protocol,
        Route route,
        Reason reason,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal doseMg,
        int infusionMinutes,
        Instant startedAt,
        Instant stoppedAt)
        implements PatientEvent {

    public enum Reason {
        /** An adverse event during the infusion. */
        ADVERSE_EVENT,
        /** The patient was transferred, e.g. to hospital. */
        TRANSFER,
        /** The patient asked to stop. */
        PATIENT_REQUEST,
        /** The pump or other equipment failed. */
        EQUIPMENT
    }
}
