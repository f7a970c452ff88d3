/**
 * Charted vitals as FHIR R4 vital-sign {@code Observation}s (blood pressure, heart rate, SpO2,
 * respiratory rate), read, searched and exported through the vitals queries.
 */
@NullMarked
package org.clinicops.monitoring.vitals.adapter.fhir;

import org.jspecify.annotations.NullMarked;
