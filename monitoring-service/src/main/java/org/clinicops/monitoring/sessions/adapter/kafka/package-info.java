/** Feeds the session read model from the infusion events monitoring consumes. */
@NullMarked
package org.clinicops.monitoring.sessions.adapter.kafka;

import org.jspecify.annotations.NullMarked;
