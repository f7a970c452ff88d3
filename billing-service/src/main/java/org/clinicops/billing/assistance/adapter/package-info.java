/** Adapters of the assistance feature. */
@NullMarked
package org.clinicops.billing.assistance.adapter;

import org.jspecify.annotations.NullMarked;
