/** The register's ledger per lot (the one place the running balance changes), its entries, sessions' reconciliation and discrepancies. */
@NullMarked
package org.clinicops.monitoring.register.domain;

import org.jspecify.annotations.NullMarked;
