package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.clinicops.events.ControlledSubstanceDiscrepancy.Kind;

/**
 * The register's figures for one product at one site, as the metrics export them.
 *
 * @param onHandMg usable stock: the balances of the lots not expired
 * @param onHandUnits the same in vials or devices
 * @param expiredMg balances of expired lots, waiting to be destroyed (never drawn from)
 * @param usedMg drawn and wasted from stock over the window (reversals netted)
 * @param daysOfSupply on hand / (used / window days); {@link #NO_USE_DAYS} when nothing was used
 * @param wastedMg wasted over the window (a session's waste and waste from stock)
 * @param reorderLevelMg the configured level below which the site reorders
 * @param unreconciledSessions sessions of the site ended in the window and not reconciled (per site,
 *     repeated on each product)
 * @param openDiscrepancies open discrepancies of the site by kind (per site, repeated on each product)
 */
public record StockFigures(
        String siteId,
        Product product,
        BigDecimal onHandMg,
        BigDecimal onHandUnits,
        BigDecimal expiredMg,
        BigDecimal usedMg,
        double daysOfSupply,
        BigDecimal wastedMg,
        BigDecimal reorderLevelMg,
        int unreconciledSessions,
        Map<Kind, Integer> openDiscrepancies) {

    /** Days of supply shown when nothing was used in the window: "more than enough". */
    public static final double NO_USE_DAYS = 999;

    /** The waste ratio's denominator: drawn for sessions plus wasted from stock. */
    public BigDecimal wasteDenominatorMg() {
        return usedMg;
    }

    /** Gathers one site's and product's figures. */
    public static final class Builder {
        private final String siteId;
        private final Product product;
        private BigDecimal onHand = BigDecimal.ZERO;
        private BigDecimal onHandUnits = BigDecimal.ZERO;
        private BigDecimal expired = BigDecimal.ZERO;
        private BigDecimal drawn = BigDecimal.ZERO;
        private BigDecimal wasted = BigDecimal.ZERO;
        private BigDecimal wastedFromStock = BigDecimal.ZERO;

        public Builder(String siteId, Product product) {
            this.siteId = siteId;
            this.product = product;
        }

        public Builder lot(BigDecimal balance, BigDecimal units, boolean isExpired) {
            if (isExpired) {
                expired = expired.add(balance);
            } else {
                onHand = onHand.add(balance);
                onHandUnits = onHandUnits.add(units);
            }
            return this;
        }

        public Builder drawn(BigDecimal mg) {
            drawn = drawn.add(mg);
            return this;
        }

        public Builder wasted(BigDecimal mg) {
            wasted = wasted.add(mg);
            return this;
        }

        public Builder wastedFromStock(BigDecimal mg) {
            wastedFromStock = wastedFromStock.add(mg);
            return this;
        }

        public StockFigures build(long windowDays, BigDecimal reorderLevel, int unreconciled, Map<Kind, Integer> open) {
            BigDecimal used = drawn.add(wastedFromStock);
            double days = used.signum() <= 0
                    ? NO_USE_DAYS
                    : Math.min(
                            NO_USE_DAYS,
                            onHand.multiply(BigDecimal.valueOf(windowDays))
                                    .divide(used, 1, RoundingMode.HALF_EVEN)
                                    .doubleValue());
            return new StockFigures(
                    siteId,
                    product,
                    Quantities.mg(onHand),
                    onHandUnits,
                    Quantities.mg(expired),
                    Quantities.mg(used),
                    days,
                    Quantities.mg(wasted.add(wastedFromStock)),
                    reorderLevel,
                    unreconciled,
                    Map.copyOf(open));
        }
    }
}
