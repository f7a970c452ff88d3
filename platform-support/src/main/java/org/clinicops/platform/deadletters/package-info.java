/**
 * Dead letters that come back: each service indexes the records its consumer group sent to a
 * {@code <topic>.dlt}, lists them to ADMIN without their payload, counts those pending, and replays
 * them into its own listeners after a fix.
 */
@NullMarked
package org.clinicops.platform.deadletters;

import org.jspecify.annotations.NullMarked;
