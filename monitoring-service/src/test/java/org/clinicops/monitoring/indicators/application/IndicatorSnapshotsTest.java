package org.clinicops.monitoring.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinicops.monitoring.indicators.domain.ClinicHistory;
import org.clinicops.monitoring.indicators.domain.IndicatorCalculator;
import org.clinicops.monitoring.indicators.domain.IndicatorPolicy;
import org.clinicops.monitoring.indicators.domain.IndicatorProjection;
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
        public void clear() {
            byId.clear();
        }
    }

    final Clock clock = Clock.fixed(ClinicHistory.NOW, ZoneOffset.UTC);
    final IndicatorPolicy policy = IndicatorPolicy.defaults();
    final StoredFacts stored = new StoredFacts();
    final NoStoredProjection noProjection = new NoStoredProjection();

    /** A store that never held a rebuilt projection. */
    static final class NoStoredProjection implements ProjectionStore {
        @Override
        public void save(IndicatorProjection projection) {}

        @Override
        public Optional<IndicatorProjection> load(IndicatorPolicy policy) {
            return Optional.empty();
        }

        @Override
        public boolean outdated() {
            return false;
        }
    }

    @Test
    void theFiguresAfterARestartAreTheFiguresBeforeIt() {
        IndicatorSnapshots before = new IndicatorSnapshots(stored, noProjection, policy, clock);
        RecordFact record = new RecordFact(stored, before);
        before.refresh();
        ClinicHistory.events().forEach(record::handle);
        ClinicHistory.events().subList(0, 5).forEach(record::handle); // redelivered
        Indicators running = before.refresh();

        Indicators restarted = new IndicatorSnapshots(stored, noProjection, policy, clock).refresh();

        assertThat(restarted).isEqualTo(running);
        assertThat(restarted.site("site_a").orElseThrow().consultationRequests())
                .isEqualTo(5);
    }

    /** A store that keeps the projection's durable form, as the database would. */
    static class BytesStore implements ProjectionStore {
        byte[] bytes;

        @Override
        public void save(IndicatorProjection projection) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream data = new java.io.DataOutputStream(out)) {
                projection.writeTo(data);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            bytes = out.toByteArray();
        }

        @Override
        public boolean outdated() {
            return bytes != null && formatOf(bytes) != IndicatorProjection.FORMAT;
        }

        static int formatOf(byte[] bytes) {
            return java.nio.ByteBuffer.wrap(bytes).getInt();
        }

        @Override
        public Optional<IndicatorProjection> load(IndicatorPolicy policy) {
            if (bytes == null || outdated()) {
                return Optional.empty();
            }
            try {
                return Optional.of(IndicatorProjection.readFrom(
                        new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes)), policy));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void aRebuildKeepsTheFiguresCountsLiveEventsOnceAndSurvivesARestart() {
        List<RecordedEvent> history = ClinicHistory.events();
        BytesStore store = new BytesStore();
        IndicatorSnapshots snapshots = new IndicatorSnapshots(stored, store, policy, clock);
        RecordFact record = new RecordFact(stored, snapshots);
        snapshots.refresh();
        history.subList(0, 10).forEach(record::handle);
        Indicators before = snapshots.refresh();
        // the broker holds the whole history; the last events arrive live while the replay reads
        EventReplay replay = sink -> {
            history.subList(0, 20).forEach(sink);
            history.subList(15, history.size()).forEach(record::handle);
            assertThat(snapshots.current()).isEqualTo(before); // the last snapshot stands meanwhile
            return 20;
        };

        RebuildProjections.Rebuilt rebuilt = new RebuildProjections(replay, snapshots, store).handle();

        Indicators expected = new IndicatorCalculator(policy).compute(history, ClinicHistory.NOW);
        assertThat(rebuilt.eventsRead()).isEqualTo(20);
        assertThat(rebuilt.newFacts()).isEqualTo(20);
        assertThat(rebuilt.facts()).isEqualTo(history.size());
        assertThat(snapshots.current()).isEqualTo(expected);
        Indicators restarted = new IndicatorSnapshots(stored, store, policy, clock).refresh();
        assertThat(restarted).isEqualTo(expected);
    }

    @Test
    void newSitesAreAnnouncedToListenersWithTheSnapshot() {
        IndicatorSnapshots snapshots = new IndicatorSnapshots(stored, noProjection, policy, clock);
        List<String> announced = new ArrayList<>();
        snapshots.onRefresh(indicators -> announced.addAll(indicators.siteIds()));
        ClinicHistory.events().forEach(stored::append);

        snapshots.reload();

        assertThat(announced).contains("site_a", "site_b");
    }

    @Test
    void aStoredProjectionOfAnOlderFormatIsNeverReadButRebuilt() throws java.io.IOException {
        List<RecordedEvent> history = ClinicHistory.events();
        BytesStore store = new BytesStore();
        // what the previous version stored: format 1, whose layout this version no longer reads
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(old)) {
            out.writeInt(1);
            out.writeLong(42);
        }
        store.bytes = old.toByteArray();
        assertThat(store.outdated()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndicatorProjection.readFrom(
                        new java.io.DataInputStream(new java.io.ByteArrayInputStream(store.bytes)), policy))
                .isInstanceOf(IndicatorProjection.UnreadableFormatException.class);
        history.subList(0, 10).forEach(stored::append); // facts recorded live since the old rebuild
        IndicatorSnapshots snapshots = new IndicatorSnapshots(stored, store, policy, clock);

        Indicators meanwhile = snapshots.refresh();

        // until the rebuild, the figures are the fact log's alone: the old copy is not misread
        assertThat(meanwhile)
                .isEqualTo(new IndicatorCalculator(policy).compute(history.subList(0, 10), clock.instant()));

        RebuildProjections rebuild = new RebuildProjections(
                sink -> {
                    history.forEach(sink);
                    return history.size();
                },
                snapshots,
                store);
        assertThat(rebuild.handleIfOutdated()).isPresent();

        assertThat(store.outdated()).isFalse();
        assertThat(rebuild.handleIfOutdated()).as("nothing left to upgrade").isEmpty();
        Indicators expected = new IndicatorCalculator(policy).compute(history, ClinicHistory.NOW);
        assertThat(snapshots.current()).isEqualTo(expected);
        assertThat(new IndicatorSnapshots(stored, store, policy, clock).refresh())
                .isEqualTo(expected);
    }
}
