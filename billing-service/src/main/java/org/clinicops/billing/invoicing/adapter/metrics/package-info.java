/** Meters of invoicing: money billed, collected, refunded and outstanding. */
@NullMarked
package org.clinicops.billing.invoicing.adapter.metrics;

import org.jspecify.annotations.NullMarked;
