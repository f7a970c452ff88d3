/** The patient record and the rule that finds a returning patient again. */
@NullMarked
package org.clinicops.intake.patients.domain;

import org.jspecify.annotations.NullMarked;
