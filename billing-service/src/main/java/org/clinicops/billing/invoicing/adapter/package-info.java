/** Adapters of the invoicing feature. */
@NullMarked
package org.clinicops.billing.invoicing.adapter;

import org.jspecify.annotations.NullMarked;
