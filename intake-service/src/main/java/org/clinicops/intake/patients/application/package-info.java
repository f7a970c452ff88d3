/** Registering a patient, or finding a returning one. */
@NullMarked
package org.clinicops.intake.patients.application;

import org.jspecify.annotations.NullMarked;
