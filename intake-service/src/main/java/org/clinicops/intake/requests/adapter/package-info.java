/** Adapters of the consultation requests feature. */
@NullMarked
package org.clinicops.intake.requests.adapter;

import org.jspecify.annotations.NullMarked;
