/** Turns clinical events into invoices, each source event exactly once. */
@NullMarked
package org.clinicops.billing.charging;

import org.jspecify.annotations.NullMarked;
