/** A site as billing knows it and its fee schedule, plain Java. */
@NullMarked
package org.clinicops.billing.sites.domain;

import org.jspecify.annotations.NullMarked;
