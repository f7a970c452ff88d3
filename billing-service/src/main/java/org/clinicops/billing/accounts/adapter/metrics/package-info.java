/** Gauges of accounts: the payer mix. */
@NullMarked
package org.clinicops.billing.accounts.adapter.metrics;

import org.jspecify.annotations.NullMarked;
