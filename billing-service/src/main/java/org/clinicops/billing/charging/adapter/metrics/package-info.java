/** Meters of charging: the patient's share per session and per course. */
@NullMarked
package org.clinicops.billing.charging.adapter.metrics;

import org.jspecify.annotations.NullMarked;
