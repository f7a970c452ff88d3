/** Each service's copy of the sites follows {@code site-updated} by one rule: the newest wins. */
@NullMarked
package org.clinicops.platform.sites;

import org.jspecify.annotations.NullMarked;
