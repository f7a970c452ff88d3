package org.clinicops.monitoring.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.monitoring.indicators.domain.ClinicHistory;
import org.clinicops.monitoring.indicators.domain.IndicatorCalculator;
import org.clinicops.monitoring.indicators.domain.IndicatorPolicy;
import org.clinicops.monitoring.indicators.domain.Indicators;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.junit.jupiter.api.Test;

class IndicatorSnapshotsTest {

    /** The fact log as the database keeps it: one fact per event id. */
    static final class StoredFacts implements FactLog {
        final Map<String, RecordedEvent> byId = new LinkedHashMap<>();

        @Override
        public boolean append(RecordedEvent fact) {
            return byId.putIfAbsent(fact.id(), fact) == null;
        }

        @Override
        public List<RecordedEvent> all() {
            return new ArrayList<>(byId.values());
        }

        @Override
        public long count() {
            return byId.size();
        }

        @Override
        public List<RecordedEvent> siteUpdates(String siteId) {
            return List.of();
        }

        @Override
        public void clear() {
            byId.clear();
        }
    }

    final Clock clock = Clock.fixed(ClinicHistory.NOW, ZoneOffset.UTC);
    final IndicatorCalculator calculator = new IndicatorCalculator(IndicatorPolicy.defaults());
    final StoredFacts stored = new StoredFacts();

    @Test
    void theFiguresAfterARestartAreTheFiguresBeforeIt() {
        IndicatorSnapshots before = new IndicatorSnapshots(stored, calculator, clock);
        RecordFact record = new RecordFact(stored, before);
        before.refresh();
        ClinicHistory.events().forEach(record::handle);
        ClinicHistory.events().subList(0, 5).forEach(record::handle); // redelivered
        Indicators running = before.refresh();

        Indicators restarted = new IndicatorSnapshots(stored, calculator, clock).refresh();

        assertThat(restarted).isEqualTo(running);
        assertThat(restarted.site("site_a").orElseThrow().consultationRequests())
                .isEqualTo(5);
    }

    @Test
    void newSitesAreAnnouncedToListenersWithTheSnapshot() {
        IndicatorSnapshots snapshots = new IndicatorSnapshots(stored, calculator, clock);
        List<String> announced = new ArrayList<>();
        snapshots.onRefresh(indicators -> announced.addAll(indicators.siteIds()));
        ClinicHistory.events().forEach(stored::append);

        snapshots.reload();

        assertThat(announced).contains("site_a", "site_b");
    }
}
