package org.clinicops.platform.deadletters;

import java.util.List;

/**
 * What a replay did.
 *
 * @param replayed ids of the dead letters that applied (now {@code REPLAYED})
 * @param failed the dead letters that failed again (still {@code PENDING})
 * @param remaining pending dead letters of the selection that this replay did not try (beyond its
 *     limit); replay again to take them
 */
public record ReplayResult(List<String> replayed, List<Failure> failed, long remaining) {

    /** A dead letter that failed again, with the exception class (never its message). */
    public record Failure(String id, String exceptionClass) {}
}
