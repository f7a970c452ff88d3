/** Billing service: fee schedules, charges, invoices, payments, financial assistance and superbills. */
@NullMarked
package org.clinicops.billing;

import org.jspecify.annotations.NullMarked;
