/** What a token says about its holder: the ClinicOps claims {@code roles}, {@code sites} and {@code preferred_username}. */
@NullMarked
package org.clinicops.auth.tokens;

import org.jspecify.annotations.NullMarked;
