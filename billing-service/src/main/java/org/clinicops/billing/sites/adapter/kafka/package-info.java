/** The listener that learns sites from site-updated. */
@NullMarked
package org.clinicops.billing.sites.adapter.kafka;

import org.jspecify.annotations.NullMarked;
