/** Adapters of the sites feature. */
@NullMarked
package org.clinicops.scheduling.sites.adapter;

import org.jspecify.annotations.NullMarked;
