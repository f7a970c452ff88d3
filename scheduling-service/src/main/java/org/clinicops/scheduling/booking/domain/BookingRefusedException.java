package org.clinicops.scheduling.booking.domain;

import java.util.Map;
import org.clinicops.platform.problem.ConflictException;

/**
 * The booking gate refused a placement: a 409 problem detail whose {@code code} names the rule,
 * with {@code alternatives} where some exist. The message names times and rules, never the patient.
 */
public class BookingRefusedException extends ConflictException {

    private final BookingRule rule;

    public BookingRefusedException(BookingRule rule, String message) {
        this(rule, message, Map.of());
    }

    public BookingRefusedException(BookingRule rule, String message, Map<String, Object> properties) {
        super(rule.name(), message, properties);
        this.rule = rule;
    }

    public BookingRule rule() {
        return rule;
    }

    /** The same refusal with more problem-detail members (e.g. alternatives). */
    public BookingRefusedException with(Map<String, Object> properties) {
        return new BookingRefusedException(rule, getMessage(), properties);
    }
}
