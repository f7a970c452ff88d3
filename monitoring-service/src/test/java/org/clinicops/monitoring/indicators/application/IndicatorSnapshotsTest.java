package org.clinicops.monitoring.indicators.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinicops.monitoring.indicators.domain.ClinicFacts;
import org.clinicops.monitoring.indicators.domain.ClinicHistory;
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

    /** The figures of these events folded straight into a projection. */
    Indicators direct(List<RecordedEvent> events, java.time.Instant now) {
        IndicatorProjection projection = new IndicatorProjection(policy);
        events.forEach(projection::apply);
        return projection.snapshot(now);
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
        assertThat(restarted.site("site_a").orElseThrow().throughput().consultationRequests())
                .isEqualTo(5);
    }

    /**
     * A store that keeps a copy of the projection's document and the version it was written in, as
     * the database would (the serialised form itself is the codec's, tested beside it).
     */
    static class DocumentStore implements ProjectionStore {
        ClinicFacts.Document document;
        int version;

        @Override
        public void save(IndicatorProjection projection) {
            // a copy: the live projection folds on after it was saved
            document = IndicatorProjection.restore(projection.document(), IndicatorPolicy.defaults())
                    .document();
            version = ClinicFacts.VERSION;
        }

        @Override
        public boolean outdated() {
            return document != null && version != ClinicFacts.VERSION;
        }

        @Override
        public Optional<IndicatorProjection> load(IndicatorPolicy policy) {
            if (document == null || outdated()) {
                return Optional.empty();
            }
            return Optional.of(IndicatorProjection.restore(document, policy));
        }
    }

    @Test
    void aRebuildKeepsTheFiguresCountsLiveEventsOnceAndSurvivesARestart() {
        List<RecordedEvent> history = ClinicHistory.events();
        DocumentStore store = new DocumentStore();
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

        Indicators expected = direct(history, ClinicHistory.NOW);
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
        DocumentStore store = new DocumentStore();
        // what the previous version stored: a copy of format 2 (the former binary form), never read
        store.document = new IndicatorProjection(policy).document();
        store.version = 2;
        assertThat(store.outdated()).isTrue();
        assertThat(store.load(policy)).isEmpty();
        history.subList(0, 10).forEach(stored::append); // facts recorded live since the old rebuild
        IndicatorSnapshots snapshots = new IndicatorSnapshots(stored, store, policy, clock);

        Indicators meanwhile = snapshots.refresh();

        // until the rebuild, the figures are the fact log's alone: the old copy is not misread
        assertThat(meanwhile).isEqualTo(direct(history.subList(0, 10), clock.instant()));

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
        Indicators expected = direct(history, ClinicHistory.NOW);
        assertThat(snapshots.current()).isEqualTo(expected);
        assertThat(new IndicatorSnapshots(stored, store, policy, clock).refresh())
                .isEqualTo(expected);
    }
}
