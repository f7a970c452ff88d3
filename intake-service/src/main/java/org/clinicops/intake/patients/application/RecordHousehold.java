package org.clinicops.intake.patients.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.clinicops.intake.patients.domain.SiteHousehold;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Records household size and income when a patient asks a site for financial assistance. The
 * figures belong to that site: one of the recorder's sites where the patient has a request.
 */
@Service
public class RecordHousehold {

    private final Patients patients;
    private final Clock clock;

    RecordHousehold(Patients patients, Clock clock) {
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * @param siteId the site the patient applies at; may be left out when the patient has requests
     *     at only one of the recorder's sites
     * @return the site the household was recorded for
     * @throws NotFoundException when the recorder may not see the patient (or not at that site)
     */
    public String handle(
            String patientId, StaffUser recorder, @Nullable String siteId, int size, BigDecimal yearlyIncome) {
        List<String> sites =
                patients.requestsAt(List.of(patientId), recorder.allSites() ? null : recorder.sites()).stream()
                        .map(PatientRequest::siteId)
                        .distinct()
                        .toList();
        if (sites.isEmpty()) {
            throw new NotFoundException("patient", patientId);
        }
        String site;
        if (siteId != null) {
            SiteAccess.require(siteId);
            if (!sites.contains(siteId)) {
                throw new NotFoundException("patient", patientId);
            }
            site = siteId;
        } else if (sites.size() == 1) {
            site = sites.get(0);
        } else {
            throw new InvalidRequestException(
                    "siteId", "is required: the patient has requests at several of your sites " + sites);
        }
        SiteHousehold household;
        try {
            household = new SiteHousehold(patientId, site, size, yearlyIncome, clock.instant());
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String field = message.substring(0, message.indexOf(' '));
            throw new InvalidRequestException(
                    field, message.substring(field.length()).strip());
        }
        patients.saveHousehold(household);
        return site;
    }
}
