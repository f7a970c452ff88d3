/** Vitals charted during sessions and the alerts raised when they cross thresholds. */
@NullMarked
package org.clinicops.monitoring.vitals;

import org.jspecify.annotations.NullMarked;
