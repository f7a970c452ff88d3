package org.clinicops.monitoring.adverse.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.monitoring.adverse.domain.ActionTaken;
import org.clinicops.monitoring.adverse.domain.AdverseEventOutcome;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/** Turns the codes of a report (API or form) into a command, naming every unknown code. */
public final class AdverseEventCodes {

    private AdverseEventCodes() {}

    public static ReportAdverseEventCommand command(
            @Nullable String patientId,
            @Nullable String siteId,
            String sessionId,
            String category,
            int grade,
            Instant onsetAt,
            String actionTaken,
            String outcome) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        AdverseEventCategory c = parse(AdverseEventCategory.class, "category", category, errors);
        ActionTaken a = parse(ActionTaken.class, "actionTaken", actionTaken, errors);
        AdverseEventOutcome o = parse(AdverseEventOutcome.class, "outcome", outcome, errors);
        if (!errors.isEmpty() || c == null || a == null || o == null) {
            throw new InvalidRequestException(errors);
        }
        return new ReportAdverseEventCommand(patientId, siteId, sessionId, c, grade, onsetAt, a, o);
    }

    private static <E extends Enum<E>> @Nullable E parse(
            Class<E> type, String field, String value, List<InvalidRequestException.FieldError> errors) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidRequestException.FieldError(
                    field,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))));
            return null;
        }
    }
}
