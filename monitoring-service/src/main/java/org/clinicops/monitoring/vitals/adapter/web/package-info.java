/** HTTP API for vitals and alerts. */
@NullMarked
package org.clinicops.monitoring.vitals.adapter.web;

import org.jspecify.annotations.NullMarked;
