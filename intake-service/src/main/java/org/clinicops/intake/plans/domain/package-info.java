/** Protocol defaults and the treatment plan a clinician approves. */
@NullMarked
package org.clinicops.intake.plans.domain;

import org.jspecify.annotations.NullMarked;
