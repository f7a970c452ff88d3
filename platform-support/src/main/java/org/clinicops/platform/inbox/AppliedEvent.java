package org.clinicops.platform.inbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event a handler applied to a document that keeps its own inbox ({@link
 * org.clinicops.platform.outbox.AggregateRoot#applyOnce}): the entry stored in the document's {@code
 * inbox} list by the same write that stores the change.
 *
 * @param key {@code handler/ce_id}, as an entry of {@code processed_events} is named
 * @param type the event's CloudEvents type
 * @param appliedAt when it was applied
 */
public record AppliedEvent(
        String key, @Nullable String type, @Nullable Instant appliedAt) {

    /** The entry of an event about to be applied by the named handler. */
    public static AppliedEvent of(String handlerName, InboundEvent<?> event, Instant now) {
        return new AppliedEvent(
                EventInbox.key(handlerName, event.id()), event.type().type(), now);
    }

    /** The handler name of the entry. */
    public String handler() {
        return EventInbox.handlerOf(key);
    }

    /** The event's {@code ce_id}. */
    public String eventId() {
        return EventInbox.eventIdOf(key);
    }
}
