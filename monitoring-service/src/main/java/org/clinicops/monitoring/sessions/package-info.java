/**
 * The infusion sessions monitoring knows from scheduling's events, and the one gate every vitals
 * reading and adverse event goes through: a known session, of the patient named, at a site the
 * caller holds, open for charting.
 */
@NullMarked
package org.clinicops.monitoring.sessions;

import org.jspecify.annotations.NullMarked;
