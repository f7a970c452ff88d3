/** Appointments, slot-grid reservations and the slot-finding policies, plain Java. */
@NullMarked
package org.clinicops.scheduling.booking.domain;

import org.jspecify.annotations.NullMarked;
