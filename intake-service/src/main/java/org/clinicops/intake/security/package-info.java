/** Who reaches which intake endpoint, and the rate limit of the public consultation request form. */
@NullMarked
package org.clinicops.intake.security;

import org.jspecify.annotations.NullMarked;
