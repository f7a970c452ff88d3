/** The infusion session read model and the rule saying when a session takes vitals and adverse events. */
@NullMarked
package org.clinicops.monitoring.sessions.domain;

import org.jspecify.annotations.NullMarked;
