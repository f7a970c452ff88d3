package org.clinicops.billing.invoicing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One instalment of a payment plan. */
public record Instalment(int number, LocalDate dueDate, BigDecimal amount) {}
