/** See {@link org.clinicops.bench.Bench}. */
@NullMarked
package org.clinicops.bench.replay;

import org.jspecify.annotations.NullMarked;
