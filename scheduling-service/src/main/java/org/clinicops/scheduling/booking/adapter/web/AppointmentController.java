package org.clinicops.scheduling.booking.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SymptomScale;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SpringDataPages;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.clinicops.scheduling.apidocs.ApiBounds;
import org.clinicops.scheduling.booking.application.AppointmentFilter;
import org.clinicops.scheduling.booking.application.CancelAppointment;
import org.clinicops.scheduling.booking.application.CompleteSessionCommand;
import org.clinicops.scheduling.booking.application.FindAppointments;
import org.clinicops.scheduling.booking.application.RescheduleAppointment;
import org.clinicops.scheduling.booking.application.RunSession;
import org.clinicops.scheduling.booking.application.StopSessionCommand;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.InfusionDetails;
import org.clinicops.scheduling.booking.domain.OverrideRequest;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.clinicops.scheduling.booking.domain.SymptomScores;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists appointments and runs their changes and lifecycle steps. */
@RestController
@RequestMapping("/api/appointments")
class AppointmentController {

    private final FindAppointments findAppointments;
    private final AppointmentAccess access;
    private final RescheduleAppointment reschedule;
    private final CancelAppointment cancel;
    private final RunSession session;

    AppointmentController(
            FindAppointments findAppointments,
            AppointmentAccess access,
            RescheduleAppointment reschedule,
            CancelAppointment cancel,
            RunSession session) {
        this.findAppointments = findAppointments;
        this.access = access;
        this.reschedule = reschedule;
        this.cancel = cancel;
        this.session = session;
    }

    /**
     * One page of appointments, earliest first, read from the store with a limit. The audit entry
     * names every patient of the page.
     */
    @Operation(summary = "List appointments at the caller's sites, one page")
    @GetMapping
    PagedModel<AppointmentResponse> list(
            @RequestParam(required = false) @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId,
            @RequestParam(required = false) @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @RequestParam(required = false) @Nullable AppointmentType type,
            @RequestParam(required = false) @Nullable AppointmentStatus status,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(ApiBounds.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ApiBounds.MAX_PAGE_SIZE) int size) {
        Audit.patient(patientId);
        var sites = SiteAccess.visibleSites(siteId).orElse(null);
        var found = findAppointments.find(
                new AppointmentFilter(patientId, sites, type, status, from, to), PageRequest.of(page, size));
        Audit.patients(found.map(Appointment::patientId).content());
        return SpringDataPages.toPagedModel(found.map(AppointmentResponse::of));
    }

    @Operation(summary = "Read an appointment")
    @GetMapping("/{id}")
    AppointmentResponse get(@PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id) {
        return AppointmentResponse.of(access.require(id, AppointmentAction.READ));
    }

    record Reschedule(@NotNull Instant startsAt) {}

    @Operation(summary = "Move an appointment through the booking gate")
    @PostMapping("/{id}/reschedule")
    AppointmentResponse reschedule(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @Valid @RequestBody Reschedule request) {
        access.require(id, AppointmentAction.RESCHEDULE);
        return AppointmentResponse.of(reschedule.handle(id, request.startsAt()));
    }

    record Cancel(InfusionCancelled.@Nullable Reason reason) {}

    @Operation(summary = "Cancel an appointment")
    @PostMapping("/{id}/cancel")
    AppointmentResponse cancel(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @RequestBody(required = false) @Nullable Cancel request) {
        access.require(id, AppointmentAction.CANCEL);
        InfusionCancelled.Reason reason = request == null || request.reason() == null
                ? InfusionCancelled.Reason.PATIENT_REQUEST
                : request.reason();
        if (reason == InfusionCancelled.Reason.CLINICAL_HOLD) {
            throw new InvalidRequestException(
                    "reason", "CLINICAL_HOLD is set by a clinical hold, not by a cancellation");
        }
        return AppointmentResponse.of(cancel.handle(id, reason));
    }

    @Operation(summary = "Mark a no-show after the start")
    @PostMapping("/{id}/no-show")
    AppointmentResponse noShow(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id) {
        return AppointmentResponse.of(session.noShow(access.require(id, AppointmentAction.NO_SHOW)));
    }

    @Operation(summary = "Check a patient in (window and booking gate)")
    @PostMapping("/{id}/check-in")
    AppointmentResponse checkIn(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id) {
        return AppointmentResponse.of(session.checkIn(access.require(id, AppointmentAction.CHECK_IN)));
    }

    @Operation(summary = "Start a consultation or an infusion (booking gate)")
    @PostMapping("/{id}/start")
    AppointmentResponse start(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id) {
        return AppointmentResponse.of(session.start(access.require(id, AppointmentAction.START)));
    }

    /**
     * What is recorded when an infusion session completes; a consultation needs no body, and takes
     * only {@code visitLevel} (the physician's level of the evaluation, MODERATE when absent: billing
     * codes 99204/99214 or 99205/99215 from it). {@code weightKg} is the weight measured on the day.
     * The symptom score is checked against its scale's range (PHQ-9 0-27, GAD-7 0-21, PCL-5 0-80, pain
     * NRS 0-10).
     */
    record Complete(
            @Nullable @DecimalMin("0.0") @DecimalMax("2000.0") @Digits(integer = 4, fraction = 4)
            BigDecimal doseMg,

            @Nullable @Min(0) @Max(600) Integer infusionMinutes,
            @Nullable @Min(0) @Max(600) Integer observationMinutes,
            @Nullable SymptomScale symptomScale,
            @Nullable @Min(0) @Max(80) Integer symptomScore,
            @Nullable Boolean dischargedWithEscort,

            @Nullable @DecimalMin("20.0") @DecimalMax("350.0") @Digits(integer = 3, fraction = 1)
            BigDecimal weightKg,

            @Nullable @Valid CheckOverride override,
            ConsultationCompleted.@Nullable VisitLevel visitLevel) {}

    /**
     * A CLINICIAN's or ADMIN's override of the discharge checks that fail; the reason stays in
     * scheduling (never in an event).
     */
    record CheckOverride(@NotBlank @Size(min = 3, max = 500) String reason) {}

    @Operation(summary = "Complete: discharge checks for an infusion, or end a consultation")
    @PostMapping("/{id}/complete")
    AppointmentResponse complete(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @Valid @RequestBody(required = false) @Nullable Complete body) {
        var appointment = access.require(id, AppointmentAction.COMPLETE);
        if (appointment.type() == AppointmentType.CONSULTATION) {
            return AppointmentResponse.of(
                    session.completeConsultation(appointment, body == null ? null : body.visitLevel()));
        }
        if (body == null
                || body.doseMg() == null
                || body.infusionMinutes() == null
                || body.observationMinutes() == null
                || body.weightKg() == null) {
            throw new InvalidRequestException(missing(body));
        }
        SymptomScores.requireValid(body.symptomScale(), body.symptomScore());
        OverrideRequest override = null;
        if (body.override() != null) {
            StaffUser user = SiteAccess.currentUser();
            if (!user.hasAny(Role.CLINICIAN, Role.ADMIN)) {
                throw new AccessDeniedException("Only a CLINICIAN or ADMIN may override discharge checks");
            }
            override = new OverrideRequest(user.username(), body.override().reason());
        }
        var completed = session.complete(
                appointment,
                new CompleteSessionCommand(
                        new SessionOutcome(
                                body.doseMg(),
                                body.infusionMinutes(),
                                body.observationMinutes(),
                                body.symptomScale(),
                                body.symptomScore(),
                                Boolean.TRUE.equals(body.dischargedWithEscort()),
                                body.weightKg()),
                        override));
        if (completed.details() instanceof InfusionDetails session && session.dischargeOverride() != null) {
            // the audit entry of this request names the override (its details stay on the session)
            Audit.object("appointments", id + "/discharge-override");
        }
        return AppointmentResponse.of(completed);
    }

    private static List<InvalidRequestException.FieldError> missing(@Nullable Complete body) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        if (body == null || body.doseMg() == null) {
            errors.add(new InvalidRequestException.FieldError("doseMg", "is required to complete an infusion"));
        }
        if (body == null || body.infusionMinutes() == null) {
            errors.add(
                    new InvalidRequestException.FieldError("infusionMinutes", "is required to complete an infusion"));
        }
        if (body == null || body.observationMinutes() == null) {
            errors.add(new InvalidRequestException.FieldError(
                    "observationMinutes", "is required to complete an infusion"));
        }
        if (body == null || body.weightKg() == null) {
            errors.add(new InvalidRequestException.FieldError(
                    "weightKg", "is required to complete an infusion: the weight measured today"));
        }
        return errors;
    }

    /**
     * Why and how long an infusion ran before it was stopped. {@code infusionMinutes} may not exceed
     * the plan's minutes (nor the minutes since the start); {@code doseMg} defaults to the plan's
     * dose pro rata of the minutes.
     */
    record Stop(
            @NotNull SessionStopped.Reason reason,
            @NotNull @Min(0) @Max(600) Integer infusionMinutes,

            @Nullable @DecimalMin("0.0") @DecimalMax("2000.0") @Digits(integer = 4, fraction = 4)
            BigDecimal doseMg) {}

    @Operation(summary = "Stop an infusion in progress early")
    @PostMapping("/{id}/stop")
    AppointmentResponse stop(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @Valid @RequestBody Stop body) {
        return AppointmentResponse.of(session.stop(
                access.require(id, AppointmentAction.STOP),
                new StopSessionCommand(body.reason(), body.infusionMinutes(), body.doseMg())));
    }
}
