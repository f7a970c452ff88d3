package org.clinicops.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Infusion and recovery finished and the patient was discharged.
 *
 * <p>The last three components were added within v1 and are optional: a body written before them
 * reads with {@code null} there, and {@link #SessionCompleted(String, String, String, String,
 * String, int, int, Protocol, Route, BigDecimal, int, int, SymptomScale, Integer, boolean, Instant,
 * Instant) the constructor without them} keeps older producers compiling.
 *
 * @param courseCompleted this was the last session of the plan
 * @param weightKg the patient's weight in kilograms measured on the day of the session (decimal
 *     string); {@code null} when not recorded
 * @param overriddenChecks codes of the discharge and dose checks that failed and that a clinician
 *     overrode, from {@link #OVERRIDABLE_CHECKS}; {@code null} when nothing was overridden. Never the
 *     reason given for the override: that stays in scheduling (events carry no free text)
 * @param overriddenBy staff id of the clinician or admin who overrode them; {@code null} when nothing
 *     was overridden
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
        Instant completedAt,

        @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable
        BigDecimal weightKg,

        @Nullable List<String> overriddenChecks,
        @Nullable String overriddenBy)
        implements PatientEvent {

    /**
     * The codes {@link #overriddenChecks()} may hold, as listed in the schema: the discharge checks
     * (minimum observation time, a recent vitals reading, no open alert, the escort rule) and the
     * dose check against the plan.
     */
    public static final List<String> OVERRIDABLE_CHECKS =
            List.of("OBSERVATION_TOO_SHORT", "NO_RECENT_VITALS", "OPEN_ALERT", "NO_ESCORT", "DOSE_OFF_PLAN");

    public SessionCompleted {
        overriddenChecks = overriddenChecks == null ? null : List.copyOf(overriddenChecks);
    }

    /** A completed session without the day's weight and without overrides (the first v1 fields). */
    public SessionCompleted(
            String appointmentId,
            String planId,
            String patientId,
            String siteId,
            String chairId,
            int sessionNumber,
            int sessionsTotal,
            Protocol protocol,
            Route route,
            BigDecimal doseMg,
            int infusionMinutes,
            int observationMinutes,
            @Nullable SymptomScale symptomScale,
            @Nullable Integer symptomScore,
            boolean courseCompleted,
            Instant startedAt,
            Instant completedAt) {
        this(
                appointmentId,
                planId,
                patientId,
                siteId,
                chairId,
                sessionNumber,
                sessionsTotal,
                protocol,
                route,
                doseMg,
                infusionMinutes,
                observationMinutes,
                symptomScale,
                symptomScore,
                courseCompleted,
                startedAt,
                completedAt,
                null,
                null,
                null);
    }
}
