/** Sites: treatment chairs, clinicians, opening hours, closures and time zone of each clinic. */
@NullMarked
package org.clinicops.scheduling.sites;

import org.jspecify.annotations.NullMarked;
