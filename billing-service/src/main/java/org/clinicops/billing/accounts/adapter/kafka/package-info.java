/** Listeners that open and update accounts from intake's events. */
@NullMarked
package org.clinicops.billing.accounts.adapter.kafka;

import org.jspecify.annotations.NullMarked;
