package org.clinicops.intake.requests.application;

import java.time.Clock;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.intake.patients.application.RegisterPatient;
import org.clinicops.intake.patients.application.RegisterPatient.PatientDetails;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.sites.application.SiteDirectory;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Service;

/** A patient or referrer asks for a consultation at a site. */
@Service
public class SubmitConsultationRequest {

    private final SiteDirectory sites;
    private final RegisterPatient patients;
    private final ConsultationRequests requests;
    private final IdGenerator ids;
    private final Clock clock;
    private final RequestMetrics metrics;

    SubmitConsultationRequest(
            SiteDirectory sites,
            RegisterPatient patients,
            ConsultationRequests requests,
            IdGenerator ids,
            Clock clock,
            RequestMetrics metrics) {
        this.sites = sites;
        this.patients = patients;
        this.requests = requests;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    public record Command(
            String siteId,
            PatientDetails patient,
            Condition condition,
            ReferralSource referralSource,
            PayerType payerType) {}

    public ConsultationRequest handle(Command command) {
        if (!sites.accepts(command.siteId())) {
            throw new InvalidRequestException("siteId", "is not a known, active site: '" + command.siteId() + "'");
        }
        String requestId = ids.next("req_");
        String patientId = patients.handle(command.patient(), command.siteId(), command.payerType(), requestId);
        ConsultationRequest request = ConsultationRequest.submit(
                requestId,
                patientId,
                command.siteId(),
                command.condition(),
                command.referralSource(),
                command.payerType(),
                ids.eventId(),
                clock.instant());
        ConsultationRequest saved = requests.insert(request);
        metrics.requested(saved);
        return saved;
    }
}
