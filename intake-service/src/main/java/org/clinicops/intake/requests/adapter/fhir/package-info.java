/**
 * Screenings and approved treatment plans as FHIR R4: {@code QuestionnaireResponse}, score {@code
 * Observation}s (PHQ-9, GAD-7, PCL-5) and {@code CarePlan}, read and searched through the requests'
 * use cases.
 */
@NullMarked
package org.clinicops.intake.requests.adapter.fhir;

import org.jspecify.annotations.NullMarked;
