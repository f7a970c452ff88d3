/** Treatment plans: protocol defaults and dose. */
@NullMarked
package org.clinicops.intake.plans;

import org.jspecify.annotations.NullMarked;
