package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A waste asked for on the nurse page and waiting for its witness. The register is not touched until
 * the witness, signed in themselves (their own browser session), confirms it: only then is the waste
 * recorded, in the name of the nurse who asked and with the witness who confirmed. The witness may
 * decline instead. A request is decided once.
 */
@Document("register_witness_requests")
@CompoundIndex(name = "site_status", def = "{'siteId': 1, 'status': 1}")
public class WitnessRequest {

    /** Where a request stands. */
    public enum Status {
        PENDING,
        CONFIRMED,
        DECLINED
    }

    @Id
    private String id;

    @Version
    private @Nullable Long version;

    private String siteId;
    private @Nullable String sessionId;
    private @Nullable String patientId;
    private String lotId;
    private BigDecimal mg;
    private @Nullable String reason;
    private String requestedBy;
    private String witness;
    private Instant requestedAt;
    private Status status;
    private @Nullable Instant decidedAt;
    private @Nullable String entryId;

    WitnessRequest(
            String id,
            String siteId,
            @Nullable String sessionId,
            @Nullable String patientId,
            String lotId,
            BigDecimal mg,
            @Nullable String reason,
            String requestedBy,
            String witness,
            Instant requestedAt) {
        this.id = id;
        this.siteId = siteId;
        this.sessionId = sessionId;
        this.patientId = patientId;
        this.lotId = lotId;
        this.mg = mg;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.witness = witness;
        this.requestedAt = requestedAt;
        this.status = Status.PENDING;
    }

    /** A nurse asks a named colleague to witness a waste; never herself. */
    public static WitnessRequest ask(
            String id,
            String siteId,
            @Nullable SessionRef session,
            String lotId,
            BigDecimal mg,
            @Nullable String reason,
            String requestedBy,
            String witness,
            Instant at) {
        String named = witness.strip();
        if (named.isEmpty()) {
            throw new InvalidRequestException("witness", "name the nurse or clinician who witnesses the waste");
        }
        if (named.equals(requestedBy)) {
            throw new InvalidRequestException(
                    "witness", "the witness must be another licensed member of staff, not the one recording");
        }
        return new WitnessRequest(
                id,
                siteId,
                session == null ? null : session.sessionId(),
                session == null ? null : session.patientId(),
                lotId,
                Quantities.mg(mg),
                reason == null || reason.isBlank() ? null : reason.strip(),
                requestedBy,
                named,
                at);
    }

    /** The named witness, signed in, confirms: 409 when decided before or when she is not the one named. */
    public void confirm(String by, Instant at) {
        decide(by, Status.CONFIRMED, at);
    }

    /** The named witness declines. */
    public void decline(String by, Instant at) {
        decide(by, Status.DECLINED, at);
    }

    /** The register refused the waste after all (the stock changed meanwhile): open again. */
    public void reopen() {
        status = Status.PENDING;
        decidedAt = null;
    }

    public void recorded(String entry) {
        this.entryId = entry;
    }

    private void decide(String by, Status next, Instant at) {
        if (status != Status.PENDING) {
            throw new ConflictException(
                    "witness-request-decided", "this waste was " + status.name().toLowerCase(Locale.ROOT) + " before");
        }
        if (!witness.equals(by)) {
            throw new ConflictException(
                    "witness-mismatch", "this waste waits for " + witness + " to witness it, not " + by);
        }
        status = next;
        decidedAt = at;
    }

    public String id() {
        return id;
    }

    public String siteId() {
        return siteId;
    }

    public @Nullable String sessionId() {
        return sessionId;
    }

    public @Nullable String patientId() {
        return patientId;
    }

    public String lotId() {
        return lotId;
    }

    public BigDecimal mg() {
        return mg;
    }

    public @Nullable String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String witness() {
        return witness;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Status status() {
        return status;
    }

    public @Nullable String entryId() {
        return entryId;
    }
}
