/**
 * Patients' names for staff pages of other services, read from intake at render time with the
 * signed-in user's own access token, in one call per page, never stored, cached or logged.
 */
@NullMarked
package org.clinicops.platform.patients;

import org.jspecify.annotations.NullMarked;
