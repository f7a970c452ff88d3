/**
 * The register's metrics: the entries written, and gauges of stock on hand, days of supply, waste
 * ratio, unreconciled sessions and open discrepancies.
 */
@NullMarked
package org.clinicops.monitoring.register.adapter.metrics;

import org.jspecify.annotations.NullMarked;
