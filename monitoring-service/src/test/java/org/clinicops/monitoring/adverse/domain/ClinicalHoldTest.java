package org.clinicops.monitoring.adverse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.AdverseEventReported;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.events.EventJson;
import org.clinicops.platform.outbox.PendingEvent;
import org.junit.jupiter.api.Test;

class ClinicalHoldTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    static <T extends ClinicEvent> T read(PendingEvent pending, Class<T> type) {
        return EventJson.read(pending.body().getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void placesAHoldWithItsEvent() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");

        assertThat(hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW)).isTrue();

        assertThat(hold.active()).isTrue();
        assertThat(hold.pendingEvents())
                .singleElement()
                .satisfies(p -> assertThat(read(p, ClinicalHoldPlaced.class))
                        .isEqualTo(new ClinicalHoldPlaced("hold_1", "p_1", "site_a", "ae_1", 3, NOW)));
    }

    @Test
    void theSameAdverseEventNeverPlacesASecondHoldEvenAfterRelease() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");
        hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW);
        hold.release("cl_1", "reviewed", "evt_2", NOW.plusSeconds(60));

        assertThat(hold.place("ae_1", "site_a", 3, "hold_2", "evt_3", NOW.plusSeconds(120)))
                .isFalse();
        assertThat(hold.active()).isFalse();
    }

    @Test
    void aSecondSeriousEventDuringAHoldKeepsTheFirstHold() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");
        hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW);

        assertThat(hold.place("ae_2", "site_a", 4, "hold_2", "evt_2", NOW)).isFalse();
        assertThat(hold.holdId()).isEqualTo("hold_1");
        assertThat(hold.pendingEvents()).hasSize(1);
    }

    @Test
    void releaseRaisesAnEventWithoutTheReason() {
        ClinicalHold hold = ClinicalHold.none("p_1", "site_a");
        hold.place("ae_1", "site_a", 3, "hold_1", "evt_1", NOW);
        hold.release("cl_1", "free text stays here", "evt_2", NOW.plusSeconds(60));

        assertThat(hold.active()).isFalse();
        assertThat(hold.releases())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("free text stays here"));
        assertThat(read(hold.pendingEvents().get(1), ClinicalHoldReleased.class))
                .isEqualTo(new ClinicalHoldReleased("hold_1", "p_1", "site_a", "cl_1", NOW, NOW.plusSeconds(60)));
    }

    @Test
    void releasingWithoutAHoldIsRefused() {
        assertThatThrownBy(() -> ClinicalHold.none("p_1", "site_a").release("cl_1", "why", "evt_1", NOW))
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
    }
}
