package org.clinicops.monitoring.vitals.adapter.fhir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clinicops.monitoring.vitals.adapter.fhir.VitalSignResources.ReadingKey;
import org.clinicops.monitoring.vitals.adapter.fhir.VitalSignResources.Sign;
import org.clinicops.monitoring.vitals.application.VitalsReadings;
import org.clinicops.monitoring.vitals.application.VitalsReadings.ChartedReading;
import org.clinicops.monitoring.vitals.application.VitalsReadings.ReadingFilter;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirBundles;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.fhir.FhirPage;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.fhir.FhirResourceType;
import org.clinicops.platform.fhir.FhirSearchParameters;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vital signs for the care team (as {@code GET /api/sessions/{id}/vitals}: NURSE, CLINICIAN): read by
 * id and search by {@code patient}, {@code date} (taken), {@code status} ({@code final}) and {@code
 * code} (LOINC), paged by Observation (each reading gives four). A reading of another site is 403 on
 * a read, as on the API, and absent from a search.
 */
@RestController
@FhirApi
@RequestMapping(
        path = FhirOutcomes.BASE + "/Observation",
        produces = {FhirOutcomes.FHIR_JSON, "application/json"})
class FhirVitalsController {

    private final VitalsReadings readings;

    FhirVitalsController(VitalsReadings readings) {
        this.readings = readings;
    }

    @Bean
    static FhirResourceType fhirVitalSignObservation() {
        return new FhirResourceType(
                "Observation",
                List.of(
                        FhirResourceType.patient(),
                        FhirResourceType.date("date", "When the vitals were taken (effectiveDateTime)"),
                        FhirResourceType.status("final (every charted reading)"),
                        new FhirResourceType.SearchParameter(
                                "code",
                                "token",
                                "LOINC: 85354-9 blood pressure, 8867-4 heart rate, 59408-5 or 2708-6 SpO2,"
                                        + " 9279-1 respiratory rate")),
                Set.of(Role.NURSE, Role.CLINICIAN));
    }

    @GetMapping("/{id}")
    Observation read(@PathVariable String id) {
        ReadingKey key = VitalSignResources.key(id).orElseThrow(() -> new NotFoundException("Observation", id));
        Optional<ChartedReading> found;
        if (key.readingId() != null) {
            Audit.object("Observation", key.readingId());
            found = readings.byId(key.readingId());
        } else {
            Audit.object("Observation", key.sessionId());
            found = readings.withoutId(Objects.requireNonNull(key.sessionId()), Objects.requireNonNull(key.takenAt()));
        }
        ChartedReading reading = found.orElseThrow(() -> new NotFoundException("Observation", id));
        Audit.patient(reading.patientId());
        SiteAccess.require(reading.siteId());
        return VitalSignResources.observation(reading, key.sign());
    }

    /**
     * One page of Observations: the page's window over the readings (each gives one Observation per
     * sign asked for) is read from the store with a skip and a limit, so the paging is exact.
     */
    @GetMapping
    Bundle search(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> date,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        String patientId = FhirParams.patient(patient);
        FhirParams.DateRange range = FhirParams.dates(date, "date");
        FhirPage wanted = FhirPage.of(count, page);
        List<String> statuses = FhirParams.tokens(status);
        List<String> codes = FhirParams.tokens(code);
        List<Sign> signs = Arrays.stream(Sign.values())
                .filter(sign -> codes.isEmpty() || codes.stream().anyMatch(sign::matches))
                .toList();
        Set<String> sites = SiteAccess.visibleSites(null).orElse(null);
        Audit.object("Observation", null);
        long total = 0;
        List<Observation> entries = new ArrayList<>();
        if (!signs.isEmpty() && (statuses.isEmpty() || statuses.contains("final"))) {
            ReadingFilter filter = new ReadingFilter(sites, patientId, range.from(), range.to());
            int perReading = signs.size();
            long first = (long) (wanted.page() - 1) * wanted.count();
            long firstReading = first / perReading;
            int skipped = (int) (first % perReading);
            int readingsWanted = (skipped + wanted.count() + perReading - 1) / perReading;
            List<ChartedReading> found = readings.find(filter, firstReading, readingsWanted);
            Audit.patients(found.stream().map(ChartedReading::patientId).toList());
            found.stream()
                    .flatMap(reading -> VitalSignResources.observations(reading, signs).stream())
                    .skip(skipped)
                    .limit(wanted.count())
                    .forEach(entries::add);
            total = readings.count(filter) * perReading;
        }
        return FhirBundles.searchSet(
                "Observation",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("date", date)
                        .add("status", status)
                        .add("code", code),
                wanted,
                total,
                entries);
    }
}
