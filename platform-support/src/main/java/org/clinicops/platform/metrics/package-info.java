/** Helpers for a service's own meters. */
@NullMarked
package org.clinicops.platform.metrics;

import org.jspecify.annotations.NullMarked;
