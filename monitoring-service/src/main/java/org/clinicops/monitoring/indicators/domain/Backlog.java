package org.clinicops.monitoring.indicators.domain;

import java.util.Map;
import org.clinicops.events.PayerType;

/**
 * A site's state now, whatever the window: who waits, who is on hold, who pays how.
 *
 * @param waitingListPatients patients with a request waiting for its consultation
 * @param clinicalHoldsOpen patients on clinical hold (several active holds count once)
 * @param payerMix patients by their latest payer type (every type present)
 */
public record Backlog(long waitingListPatients, long clinicalHoldsOpen, Map<PayerType, Long> payerMix) {}
