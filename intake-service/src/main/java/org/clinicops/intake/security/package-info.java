/** Who reaches which intake endpoint (the one access policy of the service). */
@NullMarked
package org.clinicops.intake.security;

import org.jspecify.annotations.NullMarked;
