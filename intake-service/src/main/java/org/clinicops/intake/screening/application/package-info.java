/** Screening a patient: the use case, and the screening rules built from configuration. */
@NullMarked
package org.clinicops.intake.screening.application;

import org.jspecify.annotations.NullMarked;
