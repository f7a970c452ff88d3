package org.clinicops.monitoring.indicators.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Screening;

/** Joins across sites that several calculators need, built once per snapshot. */
final class Lookups {

    /** Requests with a consultation booked. */
    final Set<String> scheduledRequests = new HashSet<>();
    /** Every screening of a patient, whatever the request. */
    final Map<String, List<Screening>> screeningsByPatient = new HashMap<>();

    Lookups(ClinicFacts facts) {
        facts.scheduledConsultations.values().forEach(c -> scheduledRequests.add(c.requestId()));
        for (Screening screening : facts.screenings.values()) {
            screeningsByPatient
                    .computeIfAbsent(screening.patientId(), p -> new ArrayList<>())
                    .add(screening);
        }
    }
}
