package org.clinicops.intake.plans.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.clinicops.events.Protocol;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.intake.plans.domain.PlanChoice;
import org.clinicops.intake.plans.domain.ProtocolCatalog;
import org.clinicops.intake.requests.application.ConsultationRequests;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.clinicops.intake.sites.application.SiteDirectory;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A clinician accepts the patient with a protocol, declines, or refers out: only the signed-in
 * physician of the request's site ({@link DecisionAuthority}), recorded as the deciding clinician,
 * only after the consultation was completed and, to accept, with a dose the protocol allows (both
 * checked by the request).
 */
@Service
public class DecideTreatment {

    private final ConsultationRequests requests;
    private final SiteDirectory sites;
    private final ProtocolCatalog protocols;
    private final IdGenerator ids;
    private final Clock clock;
    private final DecisionMetrics metrics;

    DecideTreatment(
            ConsultationRequests requests,
            SiteDirectory sites,
            ProtocolCatalog protocols,
            IdGenerator ids,
            Clock clock,
            DecisionMetrics metrics) {
        this.requests = requests;
        this.sites = sites;
        this.protocols = protocols;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param decidedBy the signed-in member of staff who decides, recorded as the deciding clinician
     * @param protocol required to accept
     * @param doseMgPerKg a weight-based dose (IV protocols); null for the protocol's default
     * @param doseMg a fixed dose (esketamine: 56 or 84 mg); null for the protocol's default
     * @param reason the override reason when accepting a NEEDS_REVIEW patient, else the reason code
     *     of a decline or referral
     */
    public record Command(
            String requestId,
            StaffUser decidedBy,
            RequestStatus decision,
            @Nullable Protocol protocol,
            @Nullable Integer sessions,
            @Nullable BigDecimal doseMgPerKg,
            @Nullable BigDecimal doseMg,
            boolean override,
            @Nullable String reason) {}

    public ConsultationRequest handle(Command command) {
        ConsultationRequest request = requests.get(command.requestId());
        StaffUser clinician = command.decidedBy();
        DecisionAuthority.require(clinician, request.siteId(), sites.physiciansOf(request.siteId()));
        var now = clock.instant();
        switch (command.decision()) {
            case ACCEPTED -> {
                Protocol protocol = command.protocol();
                if (protocol == null) {
                    throw new InvalidRequestException("protocol", "is required to accept a patient");
                }
                request.accept(
                        ids.next("plan_"),
                        new PlanChoice(protocol, command.sessions(), command.doseMgPerKg(), command.doseMg()),
                        protocols.forSite(request.siteId(), protocol),
                        clinician.username(),
                        command.override(),
                        command.reason(),
                        ids.eventId(),
                        now);
            }
            case DECLINED, REFERRED_OUT -> {
                if (command.reason() == null || !command.reason().matches("[A-Z][A-Z0-9_]{0,63}")) {
                    throw new InvalidRequestException(
                            "reason", "is required as an upper-case code, e.g. PATIENT_CHOICE or CONTRAINDICATED");
                }
                request.decline(
                        command.decision() == RequestStatus.DECLINED
                                ? TreatmentDeclined.Decision.DECLINED
                                : TreatmentDeclined.Decision.REFERRED_OUT,
                        clinician.username(),
                        command.reason(),
                        ids.eventId(),
                        now);
            }
            default -> throw new InvalidRequestException("decision", "must be ACCEPTED, DECLINED or REFERRED_OUT");
        }
        ConsultationRequest saved = requests.save(request);
        metrics.decided(saved, saved.status().name(), Duration.between(saved.requestedAt(), now));
        return saved;
    }
}
