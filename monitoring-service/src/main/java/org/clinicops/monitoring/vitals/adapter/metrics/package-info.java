/** Prometheus gauge of the vitals alerts still open. */
@NullMarked
package org.clinicops.monitoring.vitals.adapter.metrics;

import org.jspecify.annotations.NullMarked;
