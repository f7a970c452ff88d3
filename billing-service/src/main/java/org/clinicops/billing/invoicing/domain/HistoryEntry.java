package org.clinicops.billing.invoicing.domain;

import java.time.Instant;

/** One change of an invoice: when, by whom, what, and a short detail (codes and amounts, no notes). */
public record HistoryEntry(Instant at, String by, String action, String detail) {}
