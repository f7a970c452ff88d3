/** MongoDB access for appointments, patients' clinical holds, reservations and the waiting list. */
@NullMarked
package org.clinicops.scheduling.booking.adapter.mongo;

import org.jspecify.annotations.NullMarked;
