/** Use cases for recording vitals and handling alerts. */
@NullMarked
package org.clinicops.monitoring.vitals.application;

import org.jspecify.annotations.NullMarked;
