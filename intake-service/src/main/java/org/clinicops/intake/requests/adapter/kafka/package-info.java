/** Events from scheduling that move requests along. */
@NullMarked
package org.clinicops.intake.requests.adapter.kafka;

import org.jspecify.annotations.NullMarked;
