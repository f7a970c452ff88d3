/** Administrative HTTP endpoints for the projections. */
@NullMarked
package org.clinicops.monitoring.indicators.adapter.web;

import org.jspecify.annotations.NullMarked;
