package org.clinicops.scheduling.apidocs;

/** Bounds of the list endpoints' {@code page} and {@code size} parameters and of ids in parameters. */
public final class ApiBounds {

    /** The largest page a list answers (the audit entry of a list read names every patient of it). */
    public static final int MAX_PAGE_SIZE = 100;

    /** The last page number accepted: beyond it a page would make the store skip a million documents. */
    public static final int MAX_PAGE = 10_000;

    /** Ids (patient, site, appointment) are short slugs or prefixed random ids. */
    public static final int MAX_ID_LENGTH = 64;

    private ApiBounds() {}
}
