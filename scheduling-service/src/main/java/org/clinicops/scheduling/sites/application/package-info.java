/** Use cases that register and change sites. */
@NullMarked
package org.clinicops.scheduling.sites.application;

import org.jspecify.annotations.NullMarked;
