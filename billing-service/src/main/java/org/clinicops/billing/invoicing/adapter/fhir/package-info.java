/**
 * Invoices and their lines as FHIR R4 {@code Invoice}s and {@code ChargeItem}s, read, searched and
 * exported through the invoicing use cases.
 */
@NullMarked
package org.clinicops.billing.invoicing.adapter.fhir;

import org.jspecify.annotations.NullMarked;
