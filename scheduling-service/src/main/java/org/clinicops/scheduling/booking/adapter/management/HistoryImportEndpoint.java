package org.clinicops.scheduling.booking.adapter.management;

import java.util.List;
import java.util.Map;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.scheduling.booking.application.ImportSessionHistory;
import org.clinicops.scheduling.booking.application.ImportSessionHistoryCommand;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /actuator/historyimport} on the management port (ADMIN): imports a batch of a site's
 * infusion sessions, past and ahead, through {@link ImportSessionHistory}, e.g.
 *
 * <pre>{"siteId": "bos", "infusionMinutes": 40, "observationMinutes": 80, "sessions": [
 *   {"n": 0, "chairId": "bos-1", "startsAt": "2026-11-30T14:00:00Z", "outcome": "COMPLETED"}]}</pre>
 *
 * answering {@code {"imported": 1, "refused": 0, "appointmentsInStore": 1}}. Off unless {@code
 * clinic.scheduling.history-import.enabled=true}, and served only when exposed ({@code
 * management.endpoints.web.exposure.include}); meant for load tests that need a store with a history.
 * Bad input answers 400.
 */
@Component
@Endpoint(id = "historyimport")
@ConditionalOnBooleanProperty("clinic.scheduling.history-import.enabled")
class HistoryImportEndpoint {

    private static final TypeReference<List<ImportSessionHistoryCommand.Session>> SESSIONS = new TypeReference<>() {};

    private static final String UNREADABLE =
            "sessions: each needs n, chairId, startsAt (an instant) and outcome (COMPLETED, CANCELLED, NO_SHOW or SCHEDULED)";

    private final ImportSessionHistory history;
    private final JsonMapper json;

    HistoryImportEndpoint(ImportSessionHistory history, JsonMapper json) {
        this.history = history;
        this.json = json;
    }

    @WriteOperation
    public ImportSessionHistoryCommand.Result importSessions(
            String siteId, int infusionMinutes, int observationMinutes, List<Map<String, Object>> sessions) {
        List<ImportSessionHistoryCommand.Session> parsed;
        try {
            parsed = json.convertValue(sessions, SESSIONS);
        } catch (JacksonException | IllegalArgumentException e) {
            parsed = List.of();
        }
        if (parsed.size() != sessions.size() || parsed.stream().anyMatch(HistoryImportEndpoint::incomplete)) {
            throw new InvalidEndpointRequestException(UNREADABLE, UNREADABLE);
        }
        try {
            return history.handle(new ImportSessionHistoryCommand(siteId, infusionMinutes, observationMinutes, parsed));
        } catch (InvalidRequestException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
    }

    /** Jackson leaves absent fields null in a record. */
    @SuppressWarnings("NullAway")
    private static boolean incomplete(ImportSessionHistoryCommand.Session session) {
        return session == null || session.chairId() == null || session.startsAt() == null || session.outcome() == null;
    }
}
