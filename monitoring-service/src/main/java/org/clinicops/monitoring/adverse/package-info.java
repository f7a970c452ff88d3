/** Adverse events reported during sessions and the clinical holds they cause. */
@NullMarked
package org.clinicops.monitoring.adverse;

import org.jspecify.annotations.NullMarked;
