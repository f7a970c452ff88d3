/**
 * Treatment plans: protocol defaults, dose rules and the plan a clinician approves ({@code domain}),
 * and the decision to treat that approves one or declines ({@code application}).
 */
@NullMarked
package org.clinicops.intake.plans;

import org.jspecify.annotations.NullMarked;
