package org.clinicops.platform.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Hands the relay the pending events of an aggregate that has just been saved, so that it publishes
 * them without reading the document again.
 */
class OutboxSaveListener extends AbstractMongoEventListener<AggregateRoot> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
        if (!event.getSource().pendingEvents().isEmpty()) {
            Object id = event.getDocument() == null ? null : event.getDocument().get("_id");
            if (id != null) {
                relay.wakeUp(event.getCollectionName(), id, event.getSource().pendingEvents());
            }
        }
    }
}
