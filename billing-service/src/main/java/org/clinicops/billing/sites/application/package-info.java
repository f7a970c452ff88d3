/** Billing's view of the sites and their fee schedules; the port to their storage. */
@NullMarked
package org.clinicops.billing.sites.application;

import org.jspecify.annotations.NullMarked;
