package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.List;
import org.clinicops.platform.ops.OpsView;
import org.clinicops.platform.ops.OpsViewsAutoConfiguration;
import org.clinicops.scheduling.booking.application.WaitingEntry;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.ConsultationDetails;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Booking's ops views (see {@link OpsView}), for the crash test's checks of what the API does not
 * show: which request a consultation answers, when an appointment ended, which grid cells it holds
 * and who holds each cell, and the waiting list with the request or plan of each entry. Ids, codes
 * and times only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(OpsViewsAutoConfiguration.ENABLED)
class BookingOpsViews {

    /**
     * An appointment as booking keeps it, beyond the API's view.
     *
     * @param requestId the consultation request a consultation answers; null for a session
     * @param completedAt when a completed appointment ended (its time after that was freed)
     * @param cells the grid cells it holds, ids of the {@code cells} view
     */
    record Booking(
            String id,
            @Nullable String requestId,
            AppointmentStatus status,
            @Nullable Instant completedAt,
            List<String> cells)
            implements OpsView.Row {}

    /** A grid cell of a resource and the appointment holding it. */
    record Cell(String id, String appointmentId) implements OpsView.Row {}

    /** An entry of the waiting list: the request (consultation) or plan (series, held sessions) it waits for. */
    record Waiting(
            String id,
            WaitingEntry.Kind kind,
            String siteId,
            @Nullable String requestId,
            @Nullable String planId,
            String reason,
            Instant waitingSince)
            implements OpsView.Row {}

    @Bean
    OpsView appointmentsView(MongoTemplate mongo) {
        return OpsView.ofCollection(
                "appointments",
                mongo,
                AppointmentDocument.class,
                mongo.getCollectionName(AppointmentDocument.class),
                stored -> {
                    Appointment a = stored.toAppointment();
                    String requestId = a.details() instanceof ConsultationDetails c ? c.requestId() : null;
                    return new Booking(a.id(), requestId, a.status(), a.completedAt(), a.reservationIds());
                });
    }

    @Bean
    OpsView cellsView(MongoTemplate mongo) {
        return OpsView.ofCollection(
                "cells",
                mongo,
                Reservation.class,
                ReservationCells.COLLECTION,
                r -> new Cell(r.id(), r.appointmentId()));
    }

    @Bean
    OpsView waitingListView(MongoTemplate mongo) {
        return OpsView.ofCollection(
                "waiting-list",
                mongo,
                WaitingEntry.class,
                MongoWaitingList.COLLECTION,
                e -> new Waiting(
                        e.id(), e.kind(), e.siteId(), e.requestId(), e.planId(), e.reason(), e.waitingSince()));
    }
}
