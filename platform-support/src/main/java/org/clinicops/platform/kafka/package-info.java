/** Kafka topics, error handling and dead-letter publishing. */
@NullMarked
package org.clinicops.platform.kafka;

import org.jspecify.annotations.NullMarked;
