/**
 * The controlled-substance register for ketamine (Schedule III, 21 CFR 1304): receipts, draws,
 * administrations, waste, counts, corrections and discrepancies per site and lot, append-only.
 */
@NullMarked
package org.clinicops.monitoring.register;

import org.jspecify.annotations.NullMarked;
