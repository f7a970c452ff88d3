/** Use cases of invoices and the checks of who may see them; ports to their storage and meters. */
@NullMarked
package org.clinicops.billing.invoicing.application;

import org.jspecify.annotations.NullMarked;
