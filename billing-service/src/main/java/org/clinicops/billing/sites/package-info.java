/** Sites as billing knows them: currency, time zone and fee schedule. */
@NullMarked
package org.clinicops.billing.sites;

import org.jspecify.annotations.NullMarked;
