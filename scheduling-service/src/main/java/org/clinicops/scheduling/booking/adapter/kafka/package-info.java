/** Kafka listeners that hand clinic events to the booking use cases. */
@NullMarked
package org.clinicops.scheduling.booking.adapter.kafka;

import org.jspecify.annotations.NullMarked;
