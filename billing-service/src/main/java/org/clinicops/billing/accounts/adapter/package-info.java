/** Adapters of the accounts feature. */
@NullMarked
package org.clinicops.billing.accounts.adapter;

import org.jspecify.annotations.NullMarked;
