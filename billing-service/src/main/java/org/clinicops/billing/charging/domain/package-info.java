/** Charge rules: which codes and units a session, consultation or missed appointment bills. */
@NullMarked
package org.clinicops.billing.charging.domain;

import org.jspecify.annotations.NullMarked;
