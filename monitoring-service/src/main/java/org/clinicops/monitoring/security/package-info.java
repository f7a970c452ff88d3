/** Who may call which endpoint of the monitoring service (API and nurse page). */
@NullMarked
package org.clinicops.monitoring.security;

import org.jspecify.annotations.NullMarked;
