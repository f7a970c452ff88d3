/**
 * Scheduling as FHIR R4: appointments, infusion sessions ({@code Encounter}) and the doses given
 * ({@code MedicationAdministration}), and the chairs' and physicians' {@code Schedule}s with their
 * free {@code Slot}s; read and searched under the API's roles and sites, and their bulk export sources.
 */
@NullMarked
package org.clinicops.scheduling.booking.adapter.fhir;

import org.jspecify.annotations.NullMarked;
