/** Kafka listener that consumes every clinic topic, and the replay from the beginning of the topics. */
@NullMarked
package org.clinicops.monitoring.indicators.adapter.kafka;

import org.jspecify.annotations.NullMarked;
