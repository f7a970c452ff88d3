/** Screening scales, treatment resistance, contraindications and eligibility. */
@NullMarked
package org.clinicops.intake.screening;

import org.jspecify.annotations.NullMarked;
