/** Monitoring service: patient safety during sessions and the platform's indicators. */
@NullMarked
package org.clinicops.monitoring;

import org.jspecify.annotations.NullMarked;
