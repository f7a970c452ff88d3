/** See {@link org.clinicops.bench.Bench}. */
@NullMarked
package org.clinicops.bench.chaos;

import org.jspecify.annotations.NullMarked;
