/** Platform conventions shared by the ClinicOps services, applied through auto-configuration. */
@NullMarked
package org.clinicops.platform;

import org.jspecify.annotations.NullMarked;
