package org.clinicops.billing.superbill.application;

/** Writes a superbill as a document an insurer reads (PDF). */
public interface SuperbillRenderer {

    byte[] render(SuperbillStatement statement);
}
