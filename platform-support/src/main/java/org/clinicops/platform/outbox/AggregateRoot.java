package org.clinicops.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.clinicops.events.ClinicEvent;
import org.clinicops.platform.inbox.AppliedEvent;
import org.jspecify.annotations.Nullable;

/**
 * Base of every aggregate that publishes events. Events are appended to {@code outbox}, a field of
 * the aggregate's own document, so saving the aggregate stores the state change and its events in
 * one atomic document write. The {@link OutboxRelay} publishes them and removes them.
 *
 * <p>The same document may keep its own inbox ({@link #applyOnce}): the events a consumer applied to
 * it, written by the same save as the change they caused, so a consumer whose change is this one
 * document needs no {@code processed_events} entry.
 *
 * <p>Plain Java: domain classes extend it without depending on Spring.
 */
public abstract class AggregateRoot {

    /** Field name of the outbox in the stored document. */
    public static final String OUTBOX_FIELD = "outbox";

    /** Field name of the document's own inbox in the stored document. */
    public static final String INBOX_FIELD = "inbox";

    /**
     * Applied events remembered per handler in the document's inbox; the oldest entry of a handler
     * goes when it has more. Far more than the events one document receives from one handler in
     * its life (a request's or an appointment's handful), and than a consumer redelivers after a
     * crash (the records after its last committed offset).
     */
    public static final int INBOX_KEPT_PER_HANDLER = 64;

    private List<PendingEvent> outbox = new ArrayList<>();

    /** Null until the first event is applied, so documents without an inbox keep no field. */
    private @Nullable List<AppliedEvent> inbox;

    /** Records an event caused by the current change; it leaves when the aggregate is saved. */
    protected final void raise(ClinicEvent event, String eventId, Instant occurredAt) {
        outbox.add(PendingEvent.of(event, eventId, occurredAt));
    }

    /**
     * Puts back the events still pending in a stored outbox, for a store that maps the aggregate
     * through a document class of its own (and for that document class, to carry the aggregate's
     * events): whatever this instance held before is replaced.
     */
    protected final void restoreOutbox(List<PendingEvent> pending) {
        outbox = new ArrayList<>(pending);
    }

    /**
     * Applies an event's change to this aggregate unless its inbox holds the event's entry already,
     * and records the entry; answers whether the change was applied. The caller saves the aggregate
     * with its version when it was: the change, the events it raised and the entry are one document
     * write, so a crash stores all or nothing of them, and a concurrent save of the same event
     * loses its race and, retried on the stored document, finds the entry. When the change throws,
     * nothing is recorded and the caller does not save.
     */
    public final boolean applyOnce(AppliedEvent entry, Runnable change) {
        if (hasApplied(entry.key())) {
            return false;
        }
        change.run();
        List<AppliedEvent> entries = inbox == null ? new ArrayList<>() : inbox;
        entries.add(entry);
        String handler = entry.handler();
        long kept = entries.stream().filter(e -> e.handler().equals(handler)).count();
        for (var it = entries.iterator(); kept > INBOX_KEPT_PER_HANDLER && it.hasNext(); ) {
            if (it.next().handler().equals(handler)) {
                it.remove();
                kept--;
            }
        }
        inbox = entries;
        return true;
    }

    /** Whether the inbox holds the entry {@code handler/ce_id} ({@link AppliedEvent#key()}). */
    public final boolean hasApplied(String key) {
        return inbox != null && inbox.stream().anyMatch(e -> e.key().equals(key));
    }

    /** The document's inbox, oldest first (empty when no event was applied to it). */
    public final List<AppliedEvent> appliedEvents() {
        return inbox == null ? List.of() : Collections.unmodifiableList(inbox);
    }

    /**
     * Puts back a stored inbox, for a store that maps the aggregate through a document class of its
     * own; whatever this instance held before is replaced.
     */
    protected final void restoreInbox(List<AppliedEvent> applied) {
        inbox = applied.isEmpty() ? null : new ArrayList<>(applied);
    }

    /** Events raised and not yet published (oldest first). */
    public final List<PendingEvent> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
