/** The patient as a FHIR R4 {@code Patient}: identity and contact details only for the roles that see them. */
@NullMarked
package org.clinicops.intake.patients.adapter.fhir;

import org.jspecify.annotations.NullMarked;
