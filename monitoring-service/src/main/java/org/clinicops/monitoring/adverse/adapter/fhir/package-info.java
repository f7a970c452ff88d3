/**
 * Adverse events and clinical holds as FHIR R4 {@code AdverseEvent}s and {@code Flag}s, read, searched
 * and exported through the safety queries.
 */
@NullMarked
package org.clinicops.monitoring.adverse.adapter.fhir;

import org.jspecify.annotations.NullMarked;
