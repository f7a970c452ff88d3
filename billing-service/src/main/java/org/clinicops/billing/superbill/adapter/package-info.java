/** Adapters of the superbill feature. */
@NullMarked
package org.clinicops.billing.superbill.adapter;

import org.jspecify.annotations.NullMarked;
