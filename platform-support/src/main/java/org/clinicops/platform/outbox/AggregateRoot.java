package org.clinicops.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.clinicops.events.ClinicEvent;

/**
 * Base of every aggregate that publishes events. Events are appended to {@code outbox}, a field of
 * the aggregate's own document, so saving the aggregate stores the state change and its events in
 * one atomic document write. The {@link OutboxRelay} publishes them and removes them.
 *
 * <p>Plain Java: domain classes extend it without depending on Spring.
 */
public abstract class AggregateRoot {

    /** Field name of the outbox in the stored document. */
    public static final String OUTBOX_FIELD = "outbox";

    private List<PendingEvent> outbox = new ArrayList<>();

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

    /** Events raised and not yet published (oldest first). */
    public final List<PendingEvent> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
