/** The staff desk: server-rendered pages for billing staff (work queue, invoice, patient account, fee schedule). */
@NullMarked
package org.clinicops.billing.staffdesk;

import org.jspecify.annotations.NullMarked;
