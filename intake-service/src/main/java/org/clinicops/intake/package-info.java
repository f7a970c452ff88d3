/** Intake service: patients, consultation requests, screening and the decision to treat. */
@NullMarked
package org.clinicops.intake;

import org.jspecify.annotations.NullMarked;
