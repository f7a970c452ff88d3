/** Booking: turns consultation requests and treatment plans into appointments and runs their lifecycle. */
@NullMarked
package org.clinicops.scheduling.booking;

import org.jspecify.annotations.NullMarked;
