/** Reactions of the safety feature to consumed events: serious adverse events place clinical holds. */
@NullMarked
package org.clinicops.monitoring.adverse.adapter.kafka;

import org.jspecify.annotations.NullMarked;
