/** See {@link org.clinicops.bench.Bench}. */
@NullMarked
package org.clinicops.bench.intake;

import org.jspecify.annotations.NullMarked;
