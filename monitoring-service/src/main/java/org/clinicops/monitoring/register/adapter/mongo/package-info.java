/**
 * The register's collections: entries (one per lot and sequence number), lot balances, sessions,
 * discrepancies and wastes waiting for their witness.
 */
@NullMarked
package org.clinicops.monitoring.register.adapter.mongo;

import org.jspecify.annotations.NullMarked;
