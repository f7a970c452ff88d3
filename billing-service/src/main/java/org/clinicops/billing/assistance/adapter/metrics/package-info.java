/** Gauges of assistance: the share of accounts with a decision in effect. */
@NullMarked
package org.clinicops.billing.assistance.adapter.metrics;

import org.jspecify.annotations.NullMarked;
