/**
 * Screening: scales, treatment resistance, contraindications and eligibility ({@code domain}), and
 * the use case that records a patient's screening on their request ({@code application}).
 */
@NullMarked
package org.clinicops.intake.screening;

import org.jspecify.annotations.NullMarked;
