/** Use cases of accounts: open and update them, read them with their balances, check who may see them; ports to their storage. */
@NullMarked
package org.clinicops.billing.accounts.application;

import org.jspecify.annotations.NullMarked;
