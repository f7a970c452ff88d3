/** Scheduling service: sites, consultations and infusion series, and the lifecycle of each appointment. */
@NullMarked
package org.clinicops.scheduling;

import org.jspecify.annotations.NullMarked;
