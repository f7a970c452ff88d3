/** Builds the superbill of an account for a period; the port that renders it. */
@NullMarked
package org.clinicops.billing.superbill.application;

import org.jspecify.annotations.NullMarked;
