/** MongoDB storage of recorded facts, one document per event id. */
@NullMarked
package org.clinicops.monitoring.indicators.adapter.mongo;

import org.jspecify.annotations.NullMarked;
