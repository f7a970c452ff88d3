/** The account API: a patient's accounts at the caller's sites with their balances. */
@NullMarked
package org.clinicops.billing.accounts.adapter.web;

import org.jspecify.annotations.NullMarked;
