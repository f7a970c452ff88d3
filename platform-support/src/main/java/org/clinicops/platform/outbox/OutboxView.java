package org.clinicops.platform.outbox;

import java.util.List;
import org.clinicops.platform.ops.OpsView;
import org.jspecify.annotations.Nullable;

/**
 * The ops view {@code outbox}: per collection of aggregates, how many documents hold events the relay
 * has not published yet (a scan of each collection, so not for a look taken while the store's work
 * is measured).
 */
public class OutboxView implements OpsView {

    private final OutboxRelay relay;

    public OutboxView(OutboxRelay relay) {
        this.relay = relay;
    }

    /** @param id the collection */
    public record Pending(String id, long documents) implements Row {}

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public List<Pending> rows(@Nullable String after, int limit) {
        return relay.pendingDocuments().entrySet().stream()
                .filter(e -> after == null || e.getKey().compareTo(after) > 0)
                .limit(limit)
                .map(e -> new Pending(e.getKey(), e.getValue()))
                .toList();
    }
}
