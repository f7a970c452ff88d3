/** Injected identifiers, so that domain code and tests control them. */
@NullMarked
package org.clinicops.platform.ids;

import org.jspecify.annotations.NullMarked;
