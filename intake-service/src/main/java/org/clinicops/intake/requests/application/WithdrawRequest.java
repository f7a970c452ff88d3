package org.clinicops.intake.requests.application;

import java.time.Clock;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.platform.ids.IdGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The patient withdraws an open request. The request raises consultation-request-withdrawn in the
 * same document write; a second withdrawal is refused (409), so the event leaves once.
 */
@Service
public class WithdrawRequest {

    private final ConsultationRequests requests;
    private final IdGenerator ids;
    private final Clock clock;

    WithdrawRequest(ConsultationRequests requests, IdGenerator ids, Clock clock) {
        this.requests = requests;
        this.ids = ids;
        this.clock = clock;
    }

    /** @param reason why, as a code; null when none was given */
    public record Command(String requestId, ConsultationRequestWithdrawn.@Nullable Reason reason) {}

    public ConsultationRequest handle(Command command) {
        ConsultationRequest request = requests.get(command.requestId());
        request.withdraw(command.reason(), ids.eventId(), clock.instant());
        return requests.save(request);
    }
}
