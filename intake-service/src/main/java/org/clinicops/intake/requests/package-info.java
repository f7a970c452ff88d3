/** Consultation requests from first contact to the decision to treat. */
@NullMarked
package org.clinicops.intake.requests;

import org.jspecify.annotations.NullMarked;
