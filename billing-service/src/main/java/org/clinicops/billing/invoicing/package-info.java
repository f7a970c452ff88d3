/** Invoice use cases and their REST adapter: issue, pay, refund, void, list. */
@NullMarked
package org.clinicops.billing.invoicing;

import org.jspecify.annotations.NullMarked;
