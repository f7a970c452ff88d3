package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.clinicops.monitoring.register.domain.Product;
import org.jspecify.annotations.Nullable;

/** Stock received at a site: what, how much, from whom. */
public record ReceiveStockCommand(
        String siteId,
        Product product,
        String ndc,
        String lotNumber,
        LocalDate expiresOn,
        @Nullable BigDecimal concentrationMgPerMl,
        @Nullable BigDecimal volumeMlPerUnit,
        @Nullable BigDecimal mgPerDevice,
        int units,
        String supplier,
        String invoiceRef) {}
