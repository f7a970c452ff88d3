/** Billing metrics: amounts billed, collected, discounted and outstanding, out-of-pocket and payer mix. */
@NullMarked
package org.clinicops.billing.metrics;

import org.jspecify.annotations.NullMarked;
