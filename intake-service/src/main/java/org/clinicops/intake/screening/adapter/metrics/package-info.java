/** Screening's metrics in Micrometer. */
@NullMarked
package org.clinicops.intake.screening.adapter.metrics;

import org.jspecify.annotations.NullMarked;
