/** Listeners that turn clinical events into charges. */
@NullMarked
package org.clinicops.billing.charging.adapter.kafka;

import org.jspecify.annotations.NullMarked;
