/**
 * Server-rendered page where nurses chart vitals, report adverse events and keep the session's
 * register entries during a session. It has no rules of its own: its web adapter calls the use cases
 * of {@code vitals}, {@code adverse} and {@code register}.
 */
@NullMarked
package org.clinicops.monitoring.nurse;

import org.jspecify.annotations.NullMarked;
