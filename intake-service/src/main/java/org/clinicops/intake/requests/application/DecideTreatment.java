package org.clinicops.intake.requests.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.clinicops.events.Protocol;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.intake.plans.domain.ProtocolCatalog;
import org.clinicops.intake.plans.domain.TreatmentPlan;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.clinicops.intake.screening.domain.ScreeningResult;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A clinician accepts the patient with a protocol, declines, or refers out. */
@Service
public class DecideTreatment {

    private final ConsultationRequests requests;
    private final ProtocolCatalog protocols;
    private final IdGenerator ids;
    private final Clock clock;
    private final IntakeMetrics metrics;

    DecideTreatment(
            ConsultationRequests requests,
            ProtocolCatalog protocols,
            IdGenerator ids,
            Clock clock,
            IntakeMetrics metrics) {
        this.requests = requests;
        this.protocols = protocols;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param protocol required to accept
     * @param reason the override reason when accepting a NEEDS_REVIEW patient, else the reason code
     *     of a decline or referral
     */
    public record Command(
            String requestId,
            RequestStatus decision,
            String clinicianId,
            @Nullable Protocol protocol,
            @Nullable Integer sessions,
            @Nullable BigDecimal doseMgPerKg,
            boolean override,
            @Nullable String reason) {}

    public ConsultationRequest handle(Command command) {
        ConsultationRequest request = requests.get(command.requestId());
        var now = clock.instant();
        switch (command.decision()) {
            case ACCEPTED -> {
                if (command.protocol() == null) {
                    throw new InvalidRequestException("protocol", "is required to accept a patient");
                }
                ScreeningResult screening = request.screening();
                if (screening == null) {
                    throw new ConflictException(
                            "NOT_SCREENED", "request " + request.id() + " must be screened before a decision");
                }
                TreatmentPlan plan;
                try {
                    plan = TreatmentPlan.of(
                            ids.next("plan_"),
                            command.protocol(),
                            protocols.forSite(request.siteId(), command.protocol()),
                            command.sessions(),
                            command.doseMgPerKg(),
                            screening.weightKg());
                } catch (IllegalArgumentException e) {
                    throw new ConflictException("WEIGHT_MISSING", String.valueOf(e.getMessage()));
                }
                request.accept(plan, command.clinicianId(), command.override(), command.reason(), ids.eventId(), now);
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
                        command.clinicianId(),
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
