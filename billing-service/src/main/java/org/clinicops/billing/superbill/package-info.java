/** Superbills: itemized PDF statements for out-of-network claims. */
@NullMarked
package org.clinicops.billing.superbill;

import org.jspecify.annotations.NullMarked;
