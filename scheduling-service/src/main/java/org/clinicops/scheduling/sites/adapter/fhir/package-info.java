/** Sites and their chairs as FHIR R4 {@code Location}s, read and searched at the reader's sites, and their export source. */
@NullMarked
package org.clinicops.scheduling.sites.adapter.fhir;

import org.jspecify.annotations.NullMarked;
