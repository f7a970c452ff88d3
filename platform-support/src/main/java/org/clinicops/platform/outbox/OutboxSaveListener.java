package org.clinicops.platform.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay up when an aggregate with pending events has been saved. */
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
                relay.wakeUp(event.getCollectionName(), id);
            }
        }
    }
}
