/** Prometheus export of the indicator snapshot through Micrometer and a histogram collector. */
@NullMarked
package org.clinicops.monitoring.indicators.adapter.metrics;

import org.jspecify.annotations.NullMarked;
