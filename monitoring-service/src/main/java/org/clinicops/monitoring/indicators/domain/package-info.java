/** Pure indicator arithmetic over the recorded clinic events. */
@NullMarked
package org.clinicops.monitoring.indicators.domain;

import org.jspecify.annotations.NullMarked;
