package org.clinicops.monitoring.register.domain;

/** What an entry of the register records, and whether it moves the lot's balance. */
public enum EntryKind {
    /** Stock received: + mg. */
    RECEIPT,
    /** Drawn for a session: − mg. */
    DRAW,
    /** Given to the patient, from the session's completion or stop: no change (drawn before). */
    ADMINISTERED,
    /** Drawn for a session and not given, witnessed: no change (drawn before). */
    WASTE,
    /** Wasted straight from stock (a broken vial, expired stock destroyed), witnessed, with a reason: − mg. */
    STOCK_WASTE,
    /** A daily count: no change; records the counted and the expected quantity. */
    COUNT,
    /** A count difference written off when a clinician resolves its discrepancy: ± mg. */
    ADJUSTMENT,
    /** Cancels an earlier entry's effect on the balance, with a reason: the opposite of its change. */
    REVERSAL;

    /** Whether an entry of this kind can be reversed (a count, a reversal and an adjustment cannot). */
    public boolean reversible() {
        return this == RECEIPT || this == DRAW || this == WASTE || this == STOCK_WASTE || this == ADMINISTERED;
    }

    /** Whether it needs a second licensed member of staff as witness. */
    public boolean witnessed() {
        return this == WASTE || this == STOCK_WASTE;
    }
}
