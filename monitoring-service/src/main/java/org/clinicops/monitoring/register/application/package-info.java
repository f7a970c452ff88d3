/** One use case per register action (receive, draw, waste, count, reverse, resolve), the session feed and the reports. */
@NullMarked
package org.clinicops.monitoring.register.application;

import org.jspecify.annotations.NullMarked;
