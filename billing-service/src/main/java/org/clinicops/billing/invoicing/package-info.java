/** Invoicing: invoices, their payments, refunds, plans and adjustments. */
@NullMarked
package org.clinicops.billing.invoicing;

import org.jspecify.annotations.NullMarked;
