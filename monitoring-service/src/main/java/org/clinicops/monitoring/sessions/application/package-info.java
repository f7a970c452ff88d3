/** Keeping the session read model up to date, and the gate of safety writes. */
@NullMarked
package org.clinicops.monitoring.sessions.application;

import org.jspecify.annotations.NullMarked;
