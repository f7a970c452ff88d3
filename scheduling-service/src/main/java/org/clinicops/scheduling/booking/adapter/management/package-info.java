/** Booking operations on the management port, for operators and load tests; each off by default. */
@NullMarked
package org.clinicops.scheduling.booking.adapter.management;

import org.jspecify.annotations.NullMarked;
