/** The RSA key that signs every token, kept in a file so tokens survive a restart. */
@NullMarked
package org.clinicops.auth.signing;

import org.jspecify.annotations.NullMarked;
