/** A patient's account at a site as a FHIR R4 {@code Account}, read, searched and exported. */
@NullMarked
package org.clinicops.billing.accounts.adapter.fhir;

import org.jspecify.annotations.NullMarked;
