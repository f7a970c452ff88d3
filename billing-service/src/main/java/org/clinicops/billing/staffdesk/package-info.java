/** Server-rendered web pages for billing staff. */
@NullMarked
package org.clinicops.billing.staffdesk;

import org.jspecify.annotations.NullMarked;
