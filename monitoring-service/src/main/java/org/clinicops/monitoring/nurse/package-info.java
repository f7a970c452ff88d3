/** Server-rendered page where nurses chart vitals and report adverse events during a session. */
@NullMarked
package org.clinicops.monitoring.nurse;

import org.jspecify.annotations.NullMarked;
