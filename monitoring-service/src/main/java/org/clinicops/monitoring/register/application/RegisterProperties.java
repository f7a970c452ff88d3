package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.clinicops.monitoring.register.domain.Product;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.monitoring.register.*}: the controlled-substance register's rules.
 *
 * @param toleranceMg a session is reconciled when drawn = administered + wasted within this, and a
 *     count matches the balance within this
 * @param unreconciledAfter a session ended this long ago and still unreconciled is a discrepancy
 * @param checkInterval how often the register looks for sessions past that deadline
 * @param supplyWindow the use over this window gives days of supply
 * @param reorderLevelMg per product, the stock on hand (usable, in mg) below which a site reorders
 * @param siteReorderLevelMg the same per site, overriding the above
 */
@ConfigurationProperties("clinic.monitoring.register")
public record RegisterProperties(
        @DefaultValue("0.1") BigDecimal toleranceMg,
        @DefaultValue("12h") Duration unreconciledAfter,
        @DefaultValue("1m") Duration checkInterval,
        @DefaultValue("30d") Duration supplyWindow,
        @Nullable Map<Product, BigDecimal> reorderLevelMg,
        @Nullable Map<String, Map<Product, BigDecimal>> siteReorderLevelMg) {

    /** Defaults: 1,000 mg of ketamine (two 500 mg vials), 280 mg of esketamine (ten devices). */
    static final Map<Product, BigDecimal> DEFAULT_REORDER_LEVELS =
            Map.of(Product.KETAMINE_HCL, new BigDecimal("1000"), Product.ESKETAMINE_NASAL, new BigDecimal("280"));

    /** The reorder level of a product at a site. */
    public BigDecimal reorderLevel(String siteId, Product product) {
        if (siteReorderLevelMg != null) {
            BigDecimal site = siteReorderLevelMg.getOrDefault(siteId, Map.of()).get(product);
            if (site != null) {
                return site;
            }
        }
        if (reorderLevelMg != null && reorderLevelMg.get(product) != null) {
            return reorderLevelMg.get(product);
        }
        return DEFAULT_REORDER_LEVELS.get(product);
    }
}
