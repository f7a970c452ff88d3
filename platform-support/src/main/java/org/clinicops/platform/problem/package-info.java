/**
 * Exceptions that application and domain code throw to reject a request; the web layer turns them
 * into RFC 9457 problem details. Plain Java, usable from domain code.
 */
@NullMarked
package org.clinicops.platform.problem;

import org.jspecify.annotations.NullMarked;
