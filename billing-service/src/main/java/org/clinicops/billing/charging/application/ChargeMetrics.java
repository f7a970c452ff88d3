package org.clinicops.billing.charging.application;

import java.math.BigDecimal;

/** What patients pay per session and per completed course, as billing invoiced it, by site and currency. */
public interface ChargeMetrics {

    /** What the patient pays for one session. */
    void sessionOutOfPocket(String site, String currency, BigDecimal amount);

    /** What the patient paid for a whole completed course. */
    void courseOutOfPocket(String site, String currency, BigDecimal amount);
}
