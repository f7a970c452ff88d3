/** Adapters of the booking feature. */
@NullMarked
package org.clinicops.scheduling.booking.adapter;

import org.jspecify.annotations.NullMarked;
