package org.clinicops.monitoring.sessions.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a session takes vitals and adverse events. Monitoring does not see an infusion's check-in
 * or start (scheduling publishes no event for them), so a booked session is open from the time
 * check-in opens ({@code opensBeforeStart} before its start, 2 hours by default as in DOMAIN.md)
 * until it ends, and a session that ended (completed or stopped) stays open for late entries: vitals
 * for {@code vitalsAfterEnd} (2 hours: readings taken at the chair and charted after discharge),
 * adverse events for {@code adverseEventsAfterEnd} (7 days: side effects such as insomnia or
 * appetite change show in the days after). A cancelled session, one waiting for a clinical hold to
 * be released and a missed one never take either: no infusion was given. Drug draws for the
 * controlled-substance register are taken from check-in until the session ends, never after.
 */
public record SessionWritePolicy(Duration opensBeforeStart, Duration vitalsAfterEnd, Duration adverseEventsAfterEnd) {

    public static SessionWritePolicy defaults() {
        return new SessionWritePolicy(Duration.ofHours(2), Duration.ofHours(2), Duration.ofDays(7));
    }

    /**
     * Why the session refuses the write at {@code now}, or empty when it takes it.
     *
     * @return a refusal with a stable code ({@code session-cancelled}, {@code session-on-hold},
     *     {@code session-no-show}, {@code session-not-open}, {@code session-ended})
     */
    public Optional<Refusal> check(InfusionSession session, SessionWrite write, Instant now) {
        String id = session.sessionId();
        return switch (session.status()) {
            case CANCELLED -> refuse("session-cancelled", "session " + id + " was cancelled");
            case ON_HOLD ->
                refuse("session-on-hold", "session " + id + " waits for the patient's clinical hold to be released");
            case NO_SHOW -> refuse("session-no-show", "the patient did not come to session " + id);
            case SCHEDULED -> {
                Instant startsAt = session.startsAt();
                Instant opens = startsAt == null ? null : startsAt.minus(opensBeforeStart);
                yield opens != null && now.isBefore(opens)
                        ? refuse(
                                "session-not-open",
                                "session " + id + " takes " + write.words() + " from " + opens
                                        + ", when check-in opens")
                        : Optional.empty();
            }
            case COMPLETED, STOPPED -> {
                if (write == SessionWrite.DRAW) {
                    // drug is drawn for an infusion about to be given, never after the session ended
                    yield refuse(
                            "session-ended", "session " + id + " ended; drug is drawn only for a session under way");
                }
                Instant closes = closes(session.endedAt(), write);
                yield closes != null && now.isAfter(closes)
                        ? refuse(
                                "session-ended",
                                "session " + id + " ended; it took " + write.words() + " until " + closes)
                        : Optional.empty();
            }
        };
    }

    private @Nullable Instant closes(@Nullable Instant endedAt, SessionWrite write) {
        if (endedAt == null) {
            return null;
        }
        return endedAt.plus(write == SessionWrite.VITALS ? vitalsAfterEnd : adverseEventsAfterEnd);
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }

    /** Why a session refuses a write: a stable code and a sentence for staff. */
    public record Refusal(String code, String message) {}
}
