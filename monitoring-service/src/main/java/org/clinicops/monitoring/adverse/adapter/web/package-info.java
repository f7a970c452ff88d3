/** HTTP API for adverse events and clinical holds. */
@NullMarked
package org.clinicops.monitoring.adverse.adapter.web;

import org.jspecify.annotations.NullMarked;
