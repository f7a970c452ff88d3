package org.clinicops.monitoring.indicators.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedConsultation;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Request;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Screening;
import org.jspecify.annotations.Nullable;

/** Joins across sites that several calculators need, built once per snapshot. */
final class Lookups {

    /**
     * Requests with a consultation that will take place or took place: booked and neither cancelled
     * nor missed, or completed.
     */
    final Set<String> requestsWithConsultation = new HashSet<>();
    /** Requests whose consultation was booked as urgent. */
    final Set<String> urgentConsultations = new HashSet<>();
    /** Per request, the first consultation that took place (by its start). */
    final Map<String, CompletedConsultation> consultationTakenPlace = new HashMap<>();
    /** Per request, when it was made, as its consultations' bookings say (when its own event is missing). */
    private final Map<String, Long> requestedAtByBooking = new HashMap<>();
    /** Every screening of a patient, whatever the request. */
    final Map<String, List<Screening>> screeningsByPatient = new HashMap<>();

    private final ClinicFacts facts;

    Lookups(ClinicFacts facts) {
        this.facts = facts;
        facts.scheduledConsultations.forEach((appointment, c) -> {
            if (!facts.lostConsultations.containsKey(appointment)) {
                requestsWithConsultation.add(c.requestId());
            }
            if (c.urgent()) {
                urgentConsultations.add(c.requestId());
            }
            requestedAtByBooking.merge(c.requestId(), c.requestedAt(), Math::min);
        });
        for (CompletedConsultation c : facts.completedConsultations.values()) {
            requestsWithConsultation.add(c.requestId());
            consultationTakenPlace.merge(c.requestId(), c, Lookups::earlier);
        }
        for (Screening screening : facts.screenings.values()) {
            screeningsByPatient
                    .computeIfAbsent(screening.patientId(), p -> new ArrayList<>())
                    .add(screening);
        }
    }

    /** When a request was made: its own event's time, else the time its consultation's booking names. */
    @Nullable
    Long requestedAt(String requestId) {
        Request request = facts.requests.get(requestId);
        return request != null ? Long.valueOf(request.requestedAt()) : requestedAtByBooking.get(requestId);
    }

    /** Whether a request was booked, or is, urgent. */
    boolean urgent(String requestId, Request request) {
        return request.urgent() || urgentConsultations.contains(requestId);
    }

    private static CompletedConsultation earlier(CompletedConsultation a, CompletedConsultation b) {
        int byStart = Long.compare(a.startsAt(), b.startsAt());
        return byStart < 0 || (byStart == 0 && a.completedAt() <= b.completedAt()) ? a : b;
    }
}
