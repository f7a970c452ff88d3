/** Adapters of the staff desk. */
@NullMarked
package org.clinicops.billing.staffdesk.adapter;

import org.jspecify.annotations.NullMarked;
