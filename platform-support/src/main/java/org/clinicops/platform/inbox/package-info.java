/** Idempotent consumption of clinic events: each {@code ce_id} is applied once per service. */
@NullMarked
package org.clinicops.platform.inbox;

import org.jspecify.annotations.NullMarked;
