package org.clinicops.monitoring.register.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.clinicops.events.ControlledSubstanceDiscrepancy.Kind;
import org.clinicops.monitoring.register.application.RegisterQueries;
import org.clinicops.monitoring.register.domain.Product;
import org.clinicops.monitoring.register.domain.StockFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The register's gauges, recomputed from the register every {@code metrics-interval} (10 s), labelled by site, product
 * and discrepancy kind only (bounded; never a lot, session or patient). Stock series exist for
 * the products a site has received; the session and discrepancy series for every site of the
 * register:
 *
 * <ul>
 *   <li>{@code clinic_register_stock_on_hand_mg}, {@code _units}: usable stock (lots not expired);
 *   <li>{@code clinic_register_expired_stock_mg}: stock of expired lots, waiting to be destroyed;
 *   <li>{@code clinic_register_used_mg{window="30d"}}: drawn and wasted from stock over the window;
 *   <li>{@code clinic_register_days_of_supply}: on hand / daily use over the window (999 without use);
 *   <li>{@code clinic_register_reorder_level_mg}: the configured level (the alert compares with it);
 *   <li>{@code clinic_register_waste_ratio{window="30d"}} with {@code _numerator} (wasted: sessions'
 *       waste and waste from stock) and {@code _denominator} (drawn and wasted from stock);
 *   <li>{@code clinic_register_sessions_unreconciled}: sessions ended in the window, not reconciled;
 *   <li>{@code clinic_register_discrepancies_open{kind}}: open discrepancies.
 * </ul>
 */
@Component
class RegisterMeters {

    private static final Logger log = LoggerFactory.getLogger(RegisterMeters.class);
    private static final String WINDOW = "30d";

    private final MeterRegistry registry;
    private final RegisterQueries queries;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, StockFigures> figures = Map.of();

    RegisterMeters(MeterRegistry registry, RegisterQueries queries) {
        this.registry = registry;
        this.queries = queries;
    }

    @Scheduled(fixedDelayString = "${clinic.monitoring.register.metrics-interval:10s}", initialDelayString = "0s")
    void refresh() {
        try {
            List<StockFigures> next = queries.figures();
            Map<String, StockFigures> byKey = new ConcurrentHashMap<>();
            next.forEach(f -> byKey.put(key(f.siteId(), f.product()), f));
            figures = byKey;
            next.forEach(f -> register(f.siteId(), f.product()));
        } catch (RuntimeException e) {
            log.warn("register figures not refreshed: {}", e.getClass().getName());
        }
    }

    private static String key(String site, Product product) {
        return site + "|" + product.name();
    }

    private void register(String site, Product product) {
        if (!registered.add(key(site, product))) {
            return;
        }
        String p = product.name();
        gauge(
                "clinic.register.stock.on.hand.mg",
                "Usable stock on hand (lots not expired), mg",
                site,
                p,
                f -> f.onHandMg().doubleValue());
        gauge(
                "clinic.register.stock.on.hand.units",
                "Usable stock on hand, vials or devices",
                site,
                p,
                f -> f.onHandUnits().doubleValue());
        gauge(
                "clinic.register.expired.stock.mg",
                "Stock of expired lots, waiting to be destroyed, mg",
                site,
                p,
                f -> f.expiredMg().doubleValue());
        gauge(
                "clinic.register.days.of.supply",
                "Days the usable stock lasts at the use of the last 30 days",
                site,
                p,
                StockFigures::daysOfSupply);
        gauge(
                "clinic.register.reorder.level.mg",
                "Configured stock level below which the site reorders, mg",
                site,
                p,
                f -> f.reorderLevelMg().doubleValue());
        windowed(
                "clinic.register.used.mg",
                "Drawn and wasted from stock over the window, mg",
                site,
                p,
                f -> f.usedMg().doubleValue());
        windowed(
                "clinic.register.waste.ratio.numerator",
                "Wasted over the window, mg",
                site,
                p,
                f -> f.wastedMg().doubleValue());
        windowed(
                "clinic.register.waste.ratio.denominator",
                "Drawn and wasted from stock over the window, mg",
                site,
                p,
                f -> f.wasteDenominatorMg().doubleValue());
        windowed(
                "clinic.register.waste.ratio",
                "Wasted / (drawn + wasted from stock) over the window",
                site,
                p,
                f -> f.wasteDenominatorMg().signum() == 0
                        ? 0
                        : f.wastedMg().doubleValue() / f.wasteDenominatorMg().doubleValue());
        if (registered.add(site)) {
            // per site: the same on every product, exported once
            Gauge.builder(
                            "clinic.register.sessions.unreconciled",
                            this,
                            m -> m.siteValue(site, f -> f.unreconciledSessions()))
                    .description("Sessions ended in the last 30 days whose drawn is not administered + wasted")
                    .tag("site", site)
                    .register(registry);
            for (Kind kind : Kind.values()) {
                Gauge.builder(
                                "clinic.register.discrepancies.open",
                                this,
                                m -> m.siteValue(
                                        site, f -> f.openDiscrepancies().getOrDefault(kind, 0)))
                        .description("Open controlled-substance discrepancies")
                        .tag("site", site)
                        .tag("kind", kind.name())
                        .register(registry);
            }
        }
    }

    private void gauge(
            String name, String description, String site, String product, ToDoubleFunction<StockFigures> value) {
        Gauge.builder(name, this, m -> m.value(site, Product.valueOf(product), value))
                .description(description)
                .tag("site", site)
                .tag("product", product)
                .register(registry);
    }

    private void windowed(
            String name, String description, String site, String product, ToDoubleFunction<StockFigures> value) {
        Gauge.builder(name, this, m -> m.value(site, Product.valueOf(product), value))
                .description(description)
                .tag("site", site)
                .tag("product", product)
                .tag("window", WINDOW)
                .register(registry);
    }

    private double siteValue(String site, ToDoubleFunction<StockFigures> value) {
        for (Product product : Product.values()) {
            StockFigures f = figures.get(key(site, product));
            if (f != null) {
                return value.applyAsDouble(f);
            }
        }
        return 0;
    }

    private double value(String site, Product product, ToDoubleFunction<StockFigures> value) {
        StockFigures f = figures.get(key(site, product));
        return f == null ? 0 : value.applyAsDouble(f);
    }
}
