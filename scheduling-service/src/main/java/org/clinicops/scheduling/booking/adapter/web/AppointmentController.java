package org.clinicops.scheduling.booking.adapter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.SymptomScale;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.scheduling.booking.application.CancelAppointment;
import org.clinicops.scheduling.booking.application.FindAppointments;
import org.clinicops.scheduling.booking.application.RescheduleAppointment;
import org.clinicops.scheduling.booking.application.RunSession;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
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

    @GetMapping
    PagedModel<AppointmentResponse> list(
            @RequestParam(required = false) @Nullable String patientId,
            @RequestParam(required = false) @Nullable String siteId,
            @RequestParam(required = false) @Nullable AppointmentType type,
            @RequestParam(required = false) @Nullable AppointmentStatus status,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            Pageable pageable) {
        Audit.patient(patientId);
        var sites = SiteAccess.visibleSites(siteId).orElse(null);
        return new PagedModel<>(findAppointments
                .find(patientId, sites, type, status, from, to, pageable)
                .map(AppointmentResponse::of));
    }

    @GetMapping("/{id}")
    AppointmentResponse get(@PathVariable String id) {
        return AppointmentResponse.of(access.require(id, AppointmentAction.READ));
    }

    record Reschedule(@NotNull Instant startsAt) {}

    @PostMapping("/{id}/reschedule")
    AppointmentResponse reschedule(@PathVariable String id, @Valid @RequestBody Reschedule request) {
        access.require(id, AppointmentAction.RESCHEDULE);
        return AppointmentResponse.of(reschedule.handle(id, request.startsAt()));
    }

    record Cancel(InfusionCancelled.@Nullable Reason reason) {}

    @PostMapping("/{id}/cancel")
    AppointmentResponse cancel(@PathVariable String id, @RequestBody(required = false) @Nullable Cancel request) {
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

    @PostMapping("/{id}/no-show")
    AppointmentResponse noShow(@PathVariable String id) {
        access.require(id, AppointmentAction.NO_SHOW);
        return AppointmentResponse.of(session.noShow(id));
    }

    @PostMapping("/{id}/check-in")
    AppointmentResponse checkIn(@PathVariable String id) {
        access.require(id, AppointmentAction.CHECK_IN);
        return AppointmentResponse.of(session.checkIn(id));
    }

    @PostMapping("/{id}/start")
    AppointmentResponse start(@PathVariable String id) {
        access.require(id, AppointmentAction.START);
        return AppointmentResponse.of(session.start(id));
    }

    /** What the nurse records; a consultation needs no body. */
    record Complete(
            @Nullable @DecimalMin("0.0") BigDecimal doseMg,
            @Nullable @Min(0) @Max(600) Integer infusionMinutes,
            @Nullable @Min(0) @Max(600) Integer observationMinutes,
            @Nullable SymptomScale symptomScale,
            @Nullable @Min(0) @Max(80) Integer symptomScore,
            @Nullable Boolean dischargedWithEscort) {}

    @PostMapping("/{id}/complete")
    AppointmentResponse complete(
            @PathVariable String id, @Valid @RequestBody(required = false) @Nullable Complete body) {
        var appointment = access.require(id, AppointmentAction.COMPLETE);
        if (appointment.type() == AppointmentType.CONSULTATION) {
            return AppointmentResponse.of(session.completeConsultation(id));
        }
        if (body == null
                || body.doseMg() == null
                || body.infusionMinutes() == null
                || body.observationMinutes() == null) {
            throw new InvalidRequestException("doseMg", "doseMg, infusionMinutes and observationMinutes are required");
        }
        if ((body.symptomScale() == null) != (body.symptomScore() == null)) {
            throw new InvalidRequestException("symptomScore", "symptomScale and symptomScore go together");
        }
        return AppointmentResponse.of(session.complete(
                id,
                new SessionOutcome(
                        body.doseMg(),
                        body.infusionMinutes(),
                        body.observationMinutes(),
                        body.symptomScale(),
                        body.symptomScore(),
                        Boolean.TRUE.equals(body.dischargedWithEscort()))));
    }
}
