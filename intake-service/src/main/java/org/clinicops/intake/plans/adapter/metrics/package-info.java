/** The decision's metrics in Micrometer. */
@NullMarked
package org.clinicops.intake.plans.adapter.metrics;

import org.jspecify.annotations.NullMarked;
