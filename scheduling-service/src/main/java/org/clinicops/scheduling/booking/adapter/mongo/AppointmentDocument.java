package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentDetails;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.ConsultationDetails;
import org.clinicops.scheduling.booking.domain.DischargeOverride;
import org.clinicops.scheduling.booking.domain.InfusionDetails;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.clinicops.scheduling.booking.domain.SessionStop;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An {@link Appointment} as stored in {@code appointments}: one flat document for both kinds, the
 * fields of the other kind absent (null) and its outbox inside. The layout is a contract (existing
 * documents load unchanged, other tools read the fields): field names, order and types are those
 * written before the domain lost its mapping annotations, down to the {@code _class} key, and {@code
 * AppointmentLayoutTest} holds them.
 */
@Document("appointments")
@TypeAlias("org.clinicops.scheduling.booking.domain.Appointment")
@CompoundIndexes({
    @CompoundIndex(name = "patient_start", def = "{'patientId': 1, 'startsAt': 1}"),
    @CompoundIndex(name = "site_start", def = "{'siteId': 1, 'startsAt': 1}"),
    // the bulk export reads a site's appointments changed in a time range
    @CompoundIndex(name = "site_updated", def = "{'siteId': 1, 'updatedAt': 1}")
})
final class AppointmentDocument extends AggregateRoot {

    @Id
    String id = "";

    @Version
    @Nullable
    Long version;

    AppointmentType type = AppointmentType.CONSULTATION;
    String patientId = "";
    String siteId = "";

    @Nullable
    String clinicianId;

    @Nullable
    String chairId;

    @Nullable
    String requestId;

    boolean urgent;

    @Nullable
    Instant requestedAt;

    @Nullable
    InfusionPlan plan;

    @Nullable
    Integer sessionNumber;

    @Nullable
    Integer sessionsTotal;

    Instant startsAt = Instant.EPOCH;
    Instant endsAt = Instant.EPOCH;
    AppointmentStatus status = AppointmentStatus.SCHEDULED;
    boolean late;

    @Nullable
    String cancelReason;

    List<String> reservationIds = List.of();

    @Nullable
    Instant startedAt;

    @Nullable
    Instant completedAt;

    @Nullable
    SessionOutcome outcome;

    @Nullable
    DischargeOverride dischargeOverride;

    @Nullable
    SessionStop sessionStop;

    boolean holdReleased;

    @Nullable
    SpacingPolicy spacing;

    @Nullable
    String waitingReason;

    @Nullable
    Boolean newPatient;

    ConsultationCompleted.@Nullable VisitLevel visitLevel;

    Instant updatedAt = Instant.EPOCH;

    AppointmentDocument() {}

    /** The document of an appointment, with its pending events; the other kind's fields stay absent. */
    static AppointmentDocument of(Appointment a) {
        AppointmentDocument d = new AppointmentDocument();
        d.id = a.id();
        d.version = a.version();
        d.type = a.type();
        d.patientId = a.patientId();
        d.siteId = a.siteId();
        if (a.details() instanceof ConsultationDetails c) {
            d.clinicianId = c.clinicianId();
            d.requestId = c.requestId();
            d.urgent = c.urgent();
            d.requestedAt = c.requestedAt();
            d.newPatient = c.newPatient();
            d.visitLevel = c.visitLevel();
        } else if (a.details() instanceof InfusionDetails s) {
            d.chairId = s.chairId();
            d.plan = s.plan();
            d.sessionNumber = s.sessionNumber();
            d.sessionsTotal = s.sessionsTotal();
            d.outcome = s.outcome();
            d.dischargeOverride = s.dischargeOverride();
            d.sessionStop = s.sessionStop();
            d.holdReleased = s.holdReleased();
            d.spacing = s.planSpacing();
            d.waitingReason = s.waitingReason();
        }
        d.startsAt = a.startsAt();
        d.endsAt = a.endsAt();
        d.status = a.status();
        d.late = a.late();
        d.cancelReason = a.cancelReason();
        d.reservationIds = a.reservationIds();
        d.startedAt = a.startedAt();
        d.completedAt = a.completedAt();
        d.updatedAt = a.updatedAt();
        d.restoreOutbox(a.pendingEvents());
        return d;
    }

    /** The appointment this document stores, with the events still pending in its outbox. */
    Appointment toAppointment() {
        return Appointment.restore(
                id,
                version,
                patientId,
                siteId,
                details(),
                startsAt,
                endsAt,
                status,
                late,
                cancelReason,
                reservationIds,
                startedAt,
                completedAt,
                updatedAt,
                pendingEvents());
    }

    private AppointmentDetails details() {
        return switch (type) {
            case CONSULTATION ->
                new ConsultationDetails(clinicianId, requestId, urgent, requestedAt, newPatient, visitLevel);
            case INFUSION ->
                new InfusionDetails(
                        chairId,
                        Objects.requireNonNull(plan, () -> "infusion session " + id + " is stored without its plan"),
                        sessionNumber == null ? 0 : sessionNumber,
                        sessionsTotal == null ? 0 : sessionsTotal,
                        spacing,
                        outcome,
                        dischargeOverride,
                        sessionStop,
                        holdReleased,
                        waitingReason);
        };
    }

    /** The version the store gave this document when it wrote it (0 for a new one). */
    long storedVersion() {
        if (version == null) {
            throw new IllegalStateException("appointment " + id + " has not been stored");
        }
        return version;
    }
}
