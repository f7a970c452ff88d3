/** Patients and their identity, which never leaves intake: only the pseudonymous id does. */
@NullMarked
package org.clinicops.intake.patients;

import org.jspecify.annotations.NullMarked;
