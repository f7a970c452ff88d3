/** The compacted site-updated topic, read into the known sites. */
@NullMarked
package org.clinicops.intake.sites.adapter.kafka;

import org.jspecify.annotations.NullMarked;
