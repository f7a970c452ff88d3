package org.clinicops.monitoring.apidocs;

/** Bounds of the list endpoints' {@code page} and {@code size} parameters and of ids in requests. */
public final class ApiBounds {

    /** The largest page a list answers (the audit entry of a list read names every patient of it). */
    public static final int MAX_PAGE_SIZE = 100;

    /** The last page number accepted: beyond it a page would make the store skip a million documents. */
    public static final int MAX_PAGE = 10_000;

    /** Ids (patient, site, session, user) are short slugs or prefixed random ids. */
    public static final int MAX_ID_LENGTH = 64;

    /** Codes (category, action taken, outcome) are enum names. */
    public static final int MAX_CODE_LENGTH = 40;

    private ApiBounds() {}
}
