/** Who reaches which endpoint and page of the billing service (the access policy). */
@NullMarked
package org.clinicops.billing.security;

import org.jspecify.annotations.NullMarked;
