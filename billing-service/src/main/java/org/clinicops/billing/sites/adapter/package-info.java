/** Adapters of the sites feature. */
@NullMarked
package org.clinicops.billing.sites.adapter;

import org.jspecify.annotations.NullMarked;
