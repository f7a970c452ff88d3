/**
 * {@code full-site-drain}: how fast scheduling works off a backlog of consultation requests for
 * sites with no free physician time.
 */
@NullMarked
package org.clinicops.bench.backlog;

import org.jspecify.annotations.NullMarked;
