package org.clinicops.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.junit.jupiter.api.Test;

class ClinicEventGeneratorTest {

    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void generatesAPlausibleMixOfEveryKindAtEverySiteWithUniqueIds() {
        ClinicEventGenerator generator = new ClinicEventGenerator(1, 3, NOW);
        Map<EventType, Integer> mix = new EnumMap<>(EventType.class);
        Set<String> ids = new HashSet<>();
        Set<String> sites = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            ClinicEventGenerator.Generated g = generator.next();
            mix.merge(g.event().eventType(), 1, Integer::sum);
            assertThat(ids.add(g.id())).isTrue();
            assertThat(g.id()).matches("evt_[0-9A-Za-z_-]{16}");
            assertThat(g.time()).isBefore(NOW.plusSeconds(86_400L * 60));
            sites.add(g.event().siteId());
        }
        assertThat(sites).containsExactlyInAnyOrder("site_0", "site_1", "site_2");
        assertThat(mix.keySet()).containsExactlyInAnyOrder(EventType.values());
        assertThat(mix.get(EventType.SITE_UPDATED)).isEqualTo(3);
        // sessions and bills dominate, as in a clinic
        assertThat(mix.get(EventType.INVOICE_ISSUED)).isGreaterThan(mix.get(EventType.CONSULTATION_REQUESTED));
        assertThat(mix.get(EventType.SESSION_COMPLETED)).isGreaterThan(mix.get(EventType.CONSULTATION_REQUESTED));
    }

    @Test
    void theSameSeedGivesTheSameEventsAndTheyRoundTripThroughTheContractJson() {
        ClinicEventGenerator a = new ClinicEventGenerator(7, 2, NOW);
        ClinicEventGenerator b = new ClinicEventGenerator(7, 2, NOW);
        for (int i = 0; i < 2_000; i++) {
            ClinicEventGenerator.Generated g = a.next();
            assertThat(b.next()).isEqualTo(g);
            ClinicEvent event = g.event();
            assertThat(EventJson.read(EventJson.write(event), event.eventType().payloadClass()))
                    .isEqualTo(event);
        }
    }
}
