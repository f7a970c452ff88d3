/** Feeds the register from scheduling's session events (administered dose, holds, cancellations). */
@NullMarked
package org.clinicops.monitoring.register.adapter.kafka;

import org.jspecify.annotations.NullMarked;
