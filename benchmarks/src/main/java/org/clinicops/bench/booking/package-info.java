/** See {@link org.clinicops.bench.Bench}. */
@NullMarked
package org.clinicops.bench.booking;

import org.jspecify.annotations.NullMarked;
