package org.clinicops.intake.patients.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clinicops.events.PayerType;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.intake.patients.domain.SiteHousehold;
import org.clinicops.intake.patients.domain.SubmittedIdentity;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a member of staff may see of a patient: only a patient with a request at one of the
 * reader's sites, and only what was submitted with a request at those sites (the newest such
 * submission), never what the patient told another site. A patient the reader may not see is
 * indistinguishable from one that does not exist (404).
 */
@Service
public class FindPatient {

    private final Patients patients;

    FindPatient(Patients patients) {
        this.patients = patients;
    }

    /**
     * A patient as one reader sees them.
     *
     * @param identity the newest identity submitted at one of the reader's sites
     * @param sites the reader's sites where the patient has a request, newest request first
     * @param payerType as given with the newest of those requests
     * @param household the newest household recorded at one of those sites, if any
     */
    public record PatientRecord(
            String patientId,
            SubmittedIdentity identity,
            List<String> sites,
            PayerType payerType,
            @Nullable SiteHousehold household) {}

    /**
     * @throws NotFoundException when there is no such patient or none the reader may see
     */
    public PatientRecord handle(String patientId, StaffUser reader) {
        Seen seen = visible(List.of(patientId), reader.allSites() ? null : reader.sites())
                .get(patientId);
        if (seen == null) {
            throw new NotFoundException("patient", patientId);
        }
        return new PatientRecord(
                patientId, seen.identity(), seen.sites(), seen.payerType(), newestHousehold(patientId, seen));
    }

    /** The patients among these ids the reader may see, in the order asked; the others are absent. */
    public List<PatientRecord> lookUp(Collection<String> patientIds, StaffUser reader) {
        return lookUp(patientIds, reader.allSites() ? null : reader.sites());
    }

    /**
     * One page of a walk through every patient with a request at these sites, as a reader of exactly
     * those sites sees them (identity as submitted there, no household), in id order.
     *
     * @param sites the sites; null for every site
     * @param afterPatientId where the previous page ended (its {@link PatientPage#next()}); null to start
     * @param limit patients looked at per page (a page may show fewer: a patient without an identity to
     *     show is left out)
     */
    public PatientPage atSites(@Nullable Set<String> sites, @Nullable String afterPatientId, int limit) {
        List<String> ids = patients.patientIdsAt(sites, afterPatientId, limit);
        return new PatientPage(lookUp(ids, sites), ids.size() < limit ? null : ids.get(ids.size() - 1));
    }

    /**
     * @param next where the following page starts; null after the last page
     */
    public record PatientPage(
            List<PatientRecord> patients, @Nullable String next) {}

    private List<PatientRecord> lookUp(Collection<String> patientIds, @Nullable Set<String> sites) {
        Map<String, Seen> seen = visible(patientIds, sites);
        List<PatientRecord> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(patientIds)) {
            Seen one = seen.get(id);
            if (one != null) {
                found.add(new PatientRecord(id, one.identity(), one.sites(), one.payerType(), null));
            }
        }
        return found;
    }

    /** The household the patient gave at this site, if any. */
    public Optional<SiteHousehold> household(String patientId, String siteId) {
        return household(patientId, List.of(siteId));
    }

    /**
     * The newest household the patient gave at one of these sites; households recorded
     * before they were kept per site count for the patient's first site only.
     */
    Optional<SiteHousehold> household(String patientId, Collection<String> sites) {
        Optional<SiteHousehold> recorded =
                patients.households(patientId, sites).stream().max(Comparator.comparing(SiteHousehold::recordedAt));
        if (recorded.isPresent()) {
            return recorded;
        }
        return patients.find(patientId)
                .filter(p -> sites.contains(p.homeSiteId()))
                .filter(p -> p.householdSize() != null && p.householdIncome() != null)
                .map(p -> new SiteHousehold(
                        p.id(),
                        p.homeSiteId(),
                        Objects.requireNonNull(p.householdSize()),
                        Objects.requireNonNull(p.householdIncome()),
                        p.registeredAt()));
    }

    private @Nullable SiteHousehold newestHousehold(String patientId, Seen seen) {
        return household(patientId, seen.sites()).orElse(null);
    }

    /** What the reader sees of a patient: the submission shown, their sites, the payer type. */
    record Seen(SubmittedIdentity identity, List<String> sites, PayerType payerType) {}

    /** The patients among the ids with a request at one of the sites (null: any) and an identity to show. */
    Map<String, Seen> visible(Collection<String> patientIds, @Nullable Set<String> sites) {
        if (patientIds.isEmpty() || (sites != null && sites.isEmpty())) {
            return Map.of();
        }
        List<PatientRequest> requests = patients.requestsAt(patientIds, sites);
        Map<String, SubmittedIdentity> submitted = patients.submissions(
                requests.stream().map(PatientRequest::requestId).toList());
        Map<String, List<PatientRequest>> byPatient = new LinkedHashMap<>();
        for (PatientRequest request : requests) {
            byPatient
                    .computeIfAbsent(request.patientId(), id -> new ArrayList<>())
                    .add(request);
        }
        Map<String, Patient> legacy = new LinkedHashMap<>();
        List<String> withoutSubmission = byPatient.entrySet().stream()
                .filter(e -> e.getValue().stream().noneMatch(r -> submitted.containsKey(r.requestId())))
                .map(Map.Entry::getKey)
                .toList();
        if (!withoutSubmission.isEmpty()) {
            patients.findAll(withoutSubmission).forEach(p -> legacy.put(p.id(), p));
        }
        Map<String, Seen> seen = new LinkedHashMap<>();
        byPatient.forEach((patientId, theirs) -> {
            List<String> theirSites =
                    theirs.stream().map(PatientRequest::siteId).distinct().toList();
            PayerType payerType = theirs.get(0).payerType();
            Optional<SubmittedIdentity> newest = theirs.stream()
                    .map(r -> submitted.get(r.requestId()))
                    .filter(Objects::nonNull)
                    .max(Comparator.comparing(SubmittedIdentity::submittedAt));
            if (newest.isPresent()) {
                seen.put(patientId, new Seen(newest.get(), theirSites, payerType));
                return;
            }
            // requests stored before identities were kept per request: the patient record holds
            // what was submitted at their first site, and only that site sees it
            Patient patient = legacy.get(patientId);
            if (patient != null && theirSites.contains(patient.homeSiteId())) {
                seen.put(patientId, new Seen(asSubmitted(patient), theirSites, payerType));
            }
        });
        return seen;
    }

    private static SubmittedIdentity asSubmitted(Patient patient) {
        return new SubmittedIdentity(
                "",
                patient.id(),
                patient.homeSiteId(),
                patient.firstName(),
                patient.lastName(),
                patient.dateOfBirth(),
                patient.email(),
                patient.phone(),
                patient.registeredAt());
    }
}
