package org.clinicops.billing.invoicing.domain;

/** Life cycle of an invoice: DRAFT → ISSUED → PARTIALLY_PAID → PAID, or VOID. */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    PARTIALLY_PAID,
    PAID,
    VOID;

    /** Issued and not fully paid: the patient still owes money. */
    public boolean open() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
