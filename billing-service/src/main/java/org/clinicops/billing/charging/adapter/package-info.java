/** Adapters of the charging feature. */
@NullMarked
package org.clinicops.billing.charging.adapter;

import org.jspecify.annotations.NullMarked;
