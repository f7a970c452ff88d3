package org.clinicops.monitoring.adverse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.AdverseEventReported;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventSchemas;
import org.junit.jupiter.api.Test;

class ClinicalHoldTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    final AtomicInteger eventIds = new AtomicInteger(100);
    final Supplier<String> nextEventId = () -> "evt_" + eventIds.incrementAndGet();

    static <T extends ClinicEvent> T read(PendingEvent pending, Class<T> type) {
        return EventJson.read(pending.body().getBytes(StandardCharsets.UTF_8), type);
    }

    static List<PendingEvent> of(ClinicalHold hold, EventType type) {
        return hold.pendingEvents().stream()
                .filter(p -> p.type().equals(type.type()))
                .toList();
    }

    @Test
    void placesAHoldWithItsEvent() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");

        assertThat(hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW)).isTrue();

        assertThat(hold.active()).isTrue();
        assertThat(hold.pendingEvents()).singleElement().satisfies(p -> {
            assertThat(read(p, ClinicalHoldPlaced.class))
                    .isEqualTo(new ClinicalHoldPlaced("hold_1", "p_1", "site_a", "ae_1", 3, NOW));
            assertThat(EventSchemas.violations(p)).isEmpty();
        });
    }

    @Test
    void theSameAdverseEventNeverPlacesASecondHoldEvenAfterRelease() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");
        hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW);
        hold.place("ae_1", "site_a", 3, "hold_1b", "evt_1b", NOW); // redelivered while held
        hold.release("cl_1", "reviewed", nextEventId, NOW.plusSeconds(60));

        assertThat(hold.place("ae_1", "site_a", 3, "hold_2", "evt_3", NOW.plusSeconds(120)))
                .isFalse();
        assertThat(hold.active()).isFalse();
        assertThat(of(hold, EventType.CLINICAL_HOLD_PLACED)).hasSize(1);
    }

    @Test
    void aSecondSeriousEventDuringAHoldPlacesAHoldOfItsOwn() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");
        hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW);

        assertThat(hold.place("ae_2", "site_b", 4, "hold_2", "evt_2", NOW.plusSeconds(30)))
                .isTrue();

        assertThat(hold.activeHolds())
                .containsExactly(
                        new ActiveHold("hold_1", "ae_1", "site_a", 3, NOW),
                        new ActiveHold("hold_2", "ae_2", "site_b", 4, NOW.plusSeconds(30)));
        assertThat(hold.activeSites()).containsExactly("site_a", "site_b");
        assertThat(of(hold, EventType.CLINICAL_HOLD_PLACED))
                .extracting(p -> read(p, ClinicalHoldPlaced.class))
                .containsExactly(
                        new ClinicalHoldPlaced("hold_1", "p_1", "site_a", "ae_1", 3, NOW),
                        new ClinicalHoldPlaced("hold_2", "p_1", "site_b", "ae_2", 4, NOW.plusSeconds(30)));
    }

    @Test
    void aReleaseReleasesEveryActiveHoldWithOneEventEachAndNeverTwice() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");
        hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW);
        hold.place("ae_2", "site_a", 5, "hold_2", "evt_2", NOW.plusSeconds(30));
        Instant releasedAt = NOW.plusSeconds(3600);

        List<HoldRelease> released = hold.release("cl_1", "reviewed", nextEventId, releasedAt);

        assertThat(released).extracting(HoldRelease::holdId).containsExactly("hold_1", "hold_2");
        assertThat(hold.active()).isFalse();
        List<PendingEvent> releases = of(hold, EventType.CLINICAL_HOLD_RELEASED);
        assertThat(releases)
                .extracting(p -> read(p, ClinicalHoldReleased.class))
                .containsExactly(
                        new ClinicalHoldReleased("hold_1", "p_1", "site_a", "cl_1", NOW, releasedAt),
                        new ClinicalHoldReleased("hold_2", "p_1", "site_a", "cl_1", NOW.plusSeconds(30), releasedAt));
        assertThat(releases).extracting(PendingEvent::eventId).doesNotHaveDuplicates();
        assertThat(releases)
                .allSatisfy(p -> assertThat(EventSchemas.violations(p)).isEmpty());

        assertThatThrownBy(() -> hold.release("cl_1", "again", nextEventId, releasedAt.plusSeconds(60)))
                .isInstanceOf(NoActiveHoldException.class);
        assertThat(of(hold, EventType.CLINICAL_HOLD_RELEASED)).hasSize(2);
    }

    @Test
    void aHoldPlacedAfterAReleaseIsReleasedByTheNextReleaseOnly() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");
        hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW);
        hold.release("cl_1", "reviewed", nextEventId, NOW.plusSeconds(60));
        hold.place("ae_2", "site_a", 3, "hold_2", "evt_2", NOW.plusSeconds(120));

        hold.release("cl_2", "reviewed again", nextEventId, NOW.plusSeconds(180));

        assertThat(of(hold, EventType.CLINICAL_HOLD_RELEASED))
                .extracting(p -> read(p, ClinicalHoldReleased.class).holdId())
                .containsExactly("hold_1", "hold_2");
        assertThat(hold.releases()).extracting(HoldRelease::clinicianId).containsExactly("cl_1", "cl_2");
    }

    @Test
    void releaseRaisesAnEventWithoutTheReason() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");
        hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW);
        hold.release("cl_1", "free text stays here", nextEventId, NOW.plusSeconds(60));

        assertThat(hold.active()).isFalse();
        assertThat(hold.releases())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("free text stays here"));
        assertThat(read(hold.pendingEvents().get(1), ClinicalHoldReleased.class))
                .isEqualTo(new ClinicalHoldReleased("hold_1", "p_1", "site_a", "cl_1", NOW, NOW.plusSeconds(60)));
        assertThat(hold.pendingEvents().get(1).body()).doesNotContain("free text");
    }

    @Test
    void releasingWithoutAHoldIsRefused() {
        assertThatThrownBy(() -> ClinicalHold.none("p_1", "site_a").release("cl_1", "why", nextEventId, NOW))
                .isInstanceOf(NoActiveHoldException.class);
    }

    @Test
    void gradeThreeAndAboveIsSeriousGradeTwoIsNot() {
        SeriousnessPolicy policy = SeriousnessPolicy.defaults();
        assertThat(policy.serious(2)).isFalse();
        assertThat(policy.serious(3)).isTrue();
        assertThat(policy.serious(5)).isTrue();
    }

    @Test
    void aReportRaisesAdverseEventReportedWithCodesOnly() {
        AdverseEvent event = AdverseEvent.report(
                "ae_1",
                "p_1",
                "site_a",
                "ses_1",
                AdverseEventCategory.NAUSEA_VOMITING,
                2,
                ActionTaken.MEDICATION_GIVEN,
                AdverseEventOutcome.RESOLVED,
                NOW,
                SeriousnessPolicy.defaults(),
                "evt_1",
                NOW);

        AdverseEventReported reported = read(event.pendingEvents().get(0), AdverseEventReported.class);
        assertThat(reported.serious()).isFalse();
        assertThat(reported.actionTaken()).isEqualTo("MEDICATION_GIVEN");
        assertThat(reported.outcome()).isEqualTo("RESOLVED");
        assertThat(EventSchemas.violations(event.pendingEvents().get(0))).isEmpty();
    }
}
