package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clinicops.events.ControlledSubstanceDiscrepancy.Kind;
import org.clinicops.monitoring.indicators.application.SiteTimeZones;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.EntryKind;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.monitoring.register.domain.Product;
import org.clinicops.monitoring.register.domain.Quantities;
import org.clinicops.monitoring.register.domain.RegisterSession;
import org.clinicops.monitoring.register.domain.SessionAccount;
import org.clinicops.monitoring.register.domain.StockFigures;
import org.springframework.stereotype.Service;

/** Reads the register: a site's lots, today's entries and open discrepancies, and its figures. */
@Service
public class RegisterQueries {

    private final LedgerStore store;
    private final RegisterSessionStore sessions;
    private final RegisterSessions registerSessions;
    private final DiscrepancyRepository discrepancies;
    private final RegisterProperties properties;
    private final SiteTimeZones zones;
    private final Clock clock;

    RegisterQueries(
            LedgerStore store,
            RegisterSessionStore sessions,
            RegisterSessions registerSessions,
            DiscrepancyRepository discrepancies,
            RegisterProperties properties,
            SiteTimeZones zones,
            Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.registerSessions = registerSessions;
        this.discrepancies = discrepancies;
        this.properties = properties;
        this.zones = zones;
        this.clock = clock;
    }

    /** A site's register now: its lots, the entries of its day so far, its open discrepancies. */
    public SiteRegister site(String siteId) {
        ZoneId zone = zones.zoneOf(siteId);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<LotLedger> lots = new ArrayList<>(store.lotsOfSite(siteId));
        lots.sort(Comparator.comparing((LotLedger l) -> l.description().expiresOn())
                .thenComparing(LotLedger::lotId));
        List<Entry> todays =
                store.entriesOfSite(siteId, today.atStartOfDay(zone).toInstant(), now.plusSeconds(1));
        return new SiteRegister(
                siteId, zone, today, lots, todays, discrepancies.ofSite(siteId, Discrepancy.Status.OPEN));
    }

    public Optional<LotLedger> lot(String siteId, String lotId) {
        return store.lot(lotId).filter(l -> l.siteId().equals(siteId));
    }

    public List<Entry> entriesOfLot(String lotId) {
        return store.entriesOfLot(lotId);
    }

    public Optional<Discrepancy> discrepancy(String siteId, String id) {
        return discrepancies.findById(id).filter(d -> d.siteId().equals(siteId));
    }

    public Optional<RegisterSession> registerSession(String sessionId) {
        return sessions.find(sessionId);
    }

    public SessionAccount account(String sessionId) {
        return registerSessions.account(sessionId);
    }

    /**
     * The register's figures per site and product now: usable stock on hand (expired lots apart), the
     * use over the supply window (drawn and wasted from stock, reversals netted) and the days of
     * supply it gives, the waste ratio over the window (wasted / drawn + wasted from stock), sessions
     * ended in the window and not reconciled, open discrepancies by kind.
     */
    public List<StockFigures> figures() {
        Instant now = clock.instant();
        Instant from = now.minus(properties.supplyWindow());
        long windowDays = Math.max(1, properties.supplyWindow().toDays());
        Map<String, Map<Product, StockFigures.Builder>> bySite = new TreeMap<>();
        Map<String, Product> productOfLot = new HashMap<>();
        for (LotLedger lot : store.allLots()) {
            Product product = lot.description().product();
            productOfLot.put(lot.lotId(), product);
            LocalDate today = now.atZone(zones.zoneOf(lot.siteId())).toLocalDate();
            builder(bySite, lot.siteId(), product)
                    .lot(lot.balanceMg(), lot.unitsOnHand(), lot.description().expiredOn(today));
        }
        // one read of the entries that make the figures: the window's draws and wastes, and the entries
        // of the sessions ended in it (drawn up to a day before the window began)
        List<Entry> entries = store.entriesOfKinds(
                List.of(
                        EntryKind.DRAW,
                        EntryKind.ADMINISTERED,
                        EntryKind.WASTE,
                        EntryKind.STOCK_WASTE,
                        EntryKind.REVERSAL),
                from.minus(Duration.ofDays(1)),
                now.plusSeconds(1));
        Map<String, Entry> reversedKinds = new HashMap<>();
        Map<String, List<Entry>> bySession = new HashMap<>();
        for (Entry e : entries) {
            if (e.kind() == EntryKind.REVERSAL && e.reversesSeq() != null) {
                store.entry(Entry.idOf(e.lotId(), e.reversesSeq()))
                        .ifPresent(original -> reversedKinds.put(e.id(), original));
            }
            if (e.sessionId() != null) {
                bySession.computeIfAbsent(e.sessionId(), s -> new ArrayList<>()).add(e);
            }
        }
        for (Entry e : entries) {
            Product product = productOfLot.get(e.lotId());
            if (product == null || e.recordedAt().isBefore(from)) {
                continue;
            }
            StockFigures.Builder b = builder(bySite, e.siteId(), product);
            EntryKind kind = e.kind();
            BigDecimal sign = BigDecimal.ONE;
            if (kind == EntryKind.REVERSAL) {
                Entry original = reversedKinds.get(e.id());
                if (original == null) {
                    continue;
                }
                kind = original.kind();
                sign = BigDecimal.ONE.negate();
            }
            BigDecimal mg = e.mg().multiply(sign);
            switch (kind) {
                case DRAW -> b.drawn(mg);
                case WASTE -> b.wasted(mg);
                case STOCK_WASTE -> b.wastedFromStock(mg);
                default -> {}
            }
        }
        Map<String, Integer> unreconciled = new TreeMap<>();
        for (RegisterSession session : sessions.endedBetween(from, now.plusSeconds(1))) {
            SessionAccount account = SessionAccount.of(
                    session.sessionId(),
                    bySession.getOrDefault(session.sessionId(), List.of()),
                    session.administeredMg());
            boolean touched = account.drawnMg().signum() > 0
                    || (account.administeredMg() != null
                            && account.administeredMg().signum() > 0);
            if (touched && !account.reconciled(properties.toleranceMg())) {
                unreconciled.merge(session.siteId(), 1, Integer::sum);
            }
        }
        Map<String, Map<Kind, Integer>> open = new TreeMap<>();
        for (Discrepancy d : discrepancies.withStatus(Discrepancy.Status.OPEN)) {
            open.computeIfAbsent(d.siteId(), s -> new EnumMap<>(Kind.class)).merge(d.kind(), 1, Integer::sum);
        }
        TreeSet<String> sites = new TreeSet<>(bySite.keySet());
        sites.addAll(unreconciled.keySet());
        sites.addAll(open.keySet());
        List<StockFigures> figures = new ArrayList<>();
        for (String site : sites) {
            // the products the site stocks (has received); a site with none still carries its session figures
            var stocked = bySite.getOrDefault(site, Map.of()).keySet();
            for (Product product : stocked.isEmpty() ? List.of(Product.KETAMINE_HCL) : List.copyOf(stocked)) {
                figures.add(builder(bySite, site, product)
                        .build(
                                windowDays,
                                properties.reorderLevel(site, product),
                                unreconciled.getOrDefault(site, 0),
                                open.getOrDefault(site, Map.of())));
            }
        }
        return figures;
    }

    private static StockFigures.Builder builder(
            Map<String, Map<Product, StockFigures.Builder>> bySite, String site, Product product) {
        return bySite.computeIfAbsent(site, s -> new EnumMap<>(Product.class))
                .computeIfAbsent(product, p -> new StockFigures.Builder(site, p));
    }

    /** What the register page shows. */
    public record SiteRegister(
            String siteId,
            ZoneId zone,
            LocalDate today,
            List<LotLedger> lots,
            List<Entry> todaysEntries,
            List<Discrepancy> openDiscrepancies) {

        public BigDecimal onHandMg() {
            return Quantities.mg(lots.stream().map(LotLedger::balanceMg).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }
}
