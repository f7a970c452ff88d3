package org.clinicops.platform.ids;

/** Creates identifiers. Injected so that domain code never calls {@code UUID.randomUUID()}. */
@FunctionalInterface
public interface IdGenerator {

    /** A new identifier with the given prefix, e.g. {@code next("p_")} gives {@code p_4fQ9…}. */
    String next(String prefix);

    /** A new CloudEvents id. */
    default String eventId() {
        return next("evt_");
    }
}
