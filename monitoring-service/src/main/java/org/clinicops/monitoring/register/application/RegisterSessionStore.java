package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.register.domain.RegisterSession;

/** The register's sessions, written with upserts of single fields so a replayed event changes nothing. */
public interface RegisterSessionStore {

    Optional<RegisterSession> find(String sessionId);

    /** The session is known to the register (a draw was recorded for it). */
    void identify(String sessionId, String siteId, String patientId);

    /** session-completed or session-stopped: the dose given and when it ended. */
    void ended(String sessionId, String siteId, String patientId, BigDecimal administeredMg, Instant endedAt);

    /** infusion-cancelled (held or cancelled) or patient-no-show. */
    void endedWithoutInfusion(String sessionId, String siteId, String patientId, String how);

    /** Sessions that ended at or before {@code endedBefore} and were not checked after their deadline. */
    List<RegisterSession> dueForCheck(Instant endedBefore, int limit);

    void checked(String sessionId, Instant at);

    /** Sessions of any site that ended in [from, to). */
    List<RegisterSession> endedBetween(Instant from, Instant to);
}
