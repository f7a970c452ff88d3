/** Adapters of the patients feature. */
@NullMarked
package org.clinicops.intake.patients.adapter;

import org.jspecify.annotations.NullMarked;
