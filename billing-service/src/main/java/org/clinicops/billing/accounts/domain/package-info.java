/** A patient account at one site, plain Java. */
@NullMarked
package org.clinicops.billing.accounts.domain;

import org.jspecify.annotations.NullMarked;
