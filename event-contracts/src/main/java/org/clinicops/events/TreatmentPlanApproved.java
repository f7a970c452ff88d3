package org.clinicops.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A clinician accepted the patient with a protocol. Scheduling books the series from it.
 *
 * @param minSpacingDays fewest days between two sessions (0 for consecutive days)
 * @param maxSpacingDays most days between two sessions
 * @param weekdaysOnly sessions fall on weekdays only
 * @param doseMg total dose per session in milligrams (decimal string)
 * @param escortRequired the patient must be discharged with an escort
 */
public record TreatmentPlanApproved(
        String planId,
        String requestId,
        String patientId,
        String siteId,
        String clinicianId,
        Condition condition,
        Protocol protocol,
        Route route,
        int sessions,
        int minSpacingDays,
        int maxSpacingDays,
        boolean weekdaysOnly,
        int infusionMinutes,
        int observationMinutes,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal doseMgPerKg,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal doseMg,
        boolean escortRequired,
        PayerType payerType,
        boolean override,
        Instant approvedAt)
        implements PatientEvent {}
