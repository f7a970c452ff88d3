/** Use cases for reporting adverse events and placing and releasing clinical holds. */
@NullMarked
package org.clinicops.monitoring.adverse.application;

import org.jspecify.annotations.NullMarked;
