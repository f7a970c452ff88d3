/** Indicators computed from every clinic event, kept as projections in the monitoring database. */
@NullMarked
package org.clinicops.monitoring.indicators;

import org.jspecify.annotations.NullMarked;
