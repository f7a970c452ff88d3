package org.clinicops.monitoring.indicators.domain;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The periods the access, affordability, safety and outcome figures are given for, each exported
 * with its {@link #label()} as the {@code window} label. A figure falls in a window by the business
 * time its calculator names (when the patient was seen, the invoice issued, the infusion given...),
 * never by when monitoring consumed the event, so a replay gives the same figures. The window ends at
 * "now" as the injected clock tells it.
 */
public enum Window {
    LAST_30_DAYS("30d", Duration.ofDays(30)),
    LAST_90_DAYS("90d", Duration.ofDays(90)),
    /** Every fact, whatever its time. */
    ALL_TIME("all", null);

    private final String label;
    private final @Nullable Duration length;

    Window(String label, @Nullable Duration length) {
        this.label = label;
        this.length = length;
    }

    /** The value of the {@code window} label. */
    public String label() {
        return label;
    }

    /**
     * Whether a business time (epoch nanoseconds) falls in the window that ends at {@code now}: after
     * {@code now} minus the length, and not after {@code now}. All time holds every time.
     */
    public boolean contains(long at, long now) {
        return length == null || (at <= now && at > now - length.toNanos());
    }
}
