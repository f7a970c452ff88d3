package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Lots for the register's domain tests. */
final class Lots {

    static final Instant T0 = Instant.parse("2026-03-16T13:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-16");

    private Lots() {}

    /** Ketamine 50 mg/mL, 10 mL vials (500 mg each), expiring at the end of 2027. */
    static LotLedger ketamine() {
        return LotLedger.open(
                "lot_K1",
                "bos",
                LotDescription.of(
                        Product.KETAMINE_HCL,
                        "0409-2051-05",
                        "KT2405A",
                        LocalDate.parse("2027-12-31"),
                        new BigDecimal("50"),
                        new BigDecimal("10"),
                        null),
                T0);
    }

    static BigDecimal mg(String value) {
        return new BigDecimal(value);
    }
}
