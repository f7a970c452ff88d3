/** See {@link org.clinicops.bench.Bench}. */
@NullMarked
package org.clinicops.bench.footprint;

import org.jspecify.annotations.NullMarked;
