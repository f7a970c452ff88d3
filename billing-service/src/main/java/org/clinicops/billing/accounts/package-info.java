/** Patient accounts: opened on the first consultation request, with the balance of open invoices. */
@NullMarked
package org.clinicops.billing.accounts;

import org.jspecify.annotations.NullMarked;
