/** MongoDB storage of invoices, their outbox included. */
@NullMarked
package org.clinicops.billing.invoicing.adapter.mongo;

import org.jspecify.annotations.NullMarked;
