/** The invoice aggregate, its lines, payments, history and money rules. */
@NullMarked
package org.clinicops.billing.invoicing.domain;

import org.jspecify.annotations.NullMarked;
