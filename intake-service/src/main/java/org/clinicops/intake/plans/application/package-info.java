/** The decision to treat (who may decide, with which protocol and dose), and the protocol catalog built from configuration. */
@NullMarked
package org.clinicops.intake.plans.application;

import org.jspecify.annotations.NullMarked;
