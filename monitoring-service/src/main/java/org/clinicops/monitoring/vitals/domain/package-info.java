/** Session vitals aggregate, alert thresholds and the threshold rules. */
@NullMarked
package org.clinicops.monitoring.vitals.domain;

import org.jspecify.annotations.NullMarked;
