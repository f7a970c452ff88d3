package org.clinicops.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Infusion and recovery finished and the patient was discharged.
 *
 * @param courseCompleted this was the last session of the plan
 */
public record SessionCompleted(
        String appointmentId,
        String planId,
        String patientId,
        String siteId,
        String chairId,
        int sessionNumber,
        int sessionsTotal,
        Protocol protocol,
        Route route,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal doseMg,
        int infusionMinutes,
        int observationMinutes,
        @Nullable SymptomScale symptomScale,
        @Nullable Integer symptomScore,
        boolean courseCompleted,
        Instant startedAt,
        Instant completedAt)
        implements PatientEvent {}
