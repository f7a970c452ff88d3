/** Adverse event and clinical hold aggregates. */
@NullMarked
package org.clinicops.monitoring.adverse.domain;

import org.jspecify.annotations.NullMarked;
