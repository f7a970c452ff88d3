/** Use cases that record events as facts, refresh indicator snapshots and rebuild projections. */
@NullMarked
package org.clinicops.monitoring.indicators.application;

import org.jspecify.annotations.NullMarked;
