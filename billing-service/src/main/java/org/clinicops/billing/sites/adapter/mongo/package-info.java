/** MongoDB storage of sites and their fee schedules. */
@NullMarked
package org.clinicops.billing.sites.adapter.mongo;

import org.jspecify.annotations.NullMarked;
