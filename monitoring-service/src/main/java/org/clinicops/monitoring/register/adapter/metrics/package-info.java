/** The register's gauges: stock on hand, days of supply, waste ratio, unreconciled sessions, open discrepancies. */
@NullMarked
package org.clinicops.monitoring.register.adapter.metrics;

import org.jspecify.annotations.NullMarked;
