/** Scoring and eligibility rules: plain Java, each with its own tests. */
@NullMarked
package org.clinicops.intake.screening.domain;

import org.jspecify.annotations.NullMarked;
