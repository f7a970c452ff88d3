/**
 * Use cases that record events as facts, refresh indicator snapshots and rebuild projections, and
 * {@link org.clinicops.monitoring.indicators.application.EventReactions}, through which the other
 * features react to the events the one all-topics listener consumes.
 */
@NullMarked
package org.clinicops.monitoring.indicators.application;

import org.jspecify.annotations.NullMarked;
