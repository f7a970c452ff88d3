package org.clinicops.platform.deadletters;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which pending dead letters a replay takes: these ids, or a dead-letter topic (all of it, one
 * partition, or an offset range of it, bounds included).
 */
record ReplaySelection(
        List<String> ids,
        @Nullable String topic,
        @Nullable Integer partition,
        @Nullable Long fromOffset,
        @Nullable Long toOffset) {

    ReplaySelection {
        ids = List.copyOf(ids);
    }
}
