/** MongoDB storage of accounts and of the condition each service was given for. */
@NullMarked
package org.clinicops.billing.accounts.adapter.mongo;

import org.jspecify.annotations.NullMarked;
