/** Who may call which endpoint of the scheduling service (API and day board). */
@NullMarked
package org.clinicops.scheduling.security;

import org.jspecify.annotations.NullMarked;
