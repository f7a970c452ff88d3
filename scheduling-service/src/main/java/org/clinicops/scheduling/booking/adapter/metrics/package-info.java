/** Booking's metrics in Micrometer: counters of the use cases and gauges of each site's capacity. */
@NullMarked
package org.clinicops.scheduling.booking.adapter.metrics;

import org.jspecify.annotations.NullMarked;
