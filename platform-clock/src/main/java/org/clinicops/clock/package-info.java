/** The platform's one door to the current time ({@link org.clinicops.clock.ClinicClock}). */
@NullMarked
package org.clinicops.clock;

import org.jspecify.annotations.NullMarked;
