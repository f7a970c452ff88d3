package org.clinicops.monitoring.adverse.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.monitoring.adverse.domain.ActionTaken;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.clinicops.monitoring.adverse.domain.AdverseEventOutcome;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.monitoring.sessions.application.SessionGate;
import org.clinicops.monitoring.sessions.domain.SessionWrite;
import org.clinicops.platform.ids.RandomIdGenerator;
import org.junit.jupiter.api.Test;

/**
 * Reporting an adverse event: the answer says whether it placed a clinical hold, also when monitoring's
 * reaction to the adverse-event-reported that saving the event publishes placed the hold first (its
 * listener races the reporting request; seen under load in the platform tests).
 */
class ReportAdverseEventTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SessionGate gate = mock(SessionGate.class);
    private final AdverseEventRepository events = mock(AdverseEventRepository.class);
    private final ClinicalHoldRepository holds = mock(ClinicalHoldRepository.class);
    private final RandomIdGenerator ids = new RandomIdGenerator();
    private final ReportAdverseEvent report = new ReportAdverseEvent(
            gate, events, new PlaceClinicalHold(holds, ids, CLOCK), new SafetyProperties(3), ids, CLOCK);

    @Test
    void answersThatASeriousEventPlacedAHoldWhenItsOwnEventsReactionPlacedItFirst() {
        admitted();
        when(events.save(any(AdverseEvent.class))).thenAnswer(call -> {
            AdverseEvent saved = call.getArgument(0);
            // the reaction to the published adverse-event-reported wins the race and places the hold
            ClinicalHold placedByTheReaction = ClinicalHold.none("p_1", "site_1");
            placedByTheReaction.place(saved.id(), "site_1", saved.grade(), "hold_1", "evt_1", NOW);
            when(holds.findById("p_1")).thenReturn(Optional.of(placedByTheReaction));
            return saved;
        });

        ReportAdverseEvent.Reported reported = report.handle(grade(3));

        assertThat(reported.holdPlaced()).isTrue();
        verify(holds, never()).save(any()); // and not a second hold of the same event
    }

    @Test
    void answersThatASeriousEventPlacedAHoldWhenTheRequestPlacesIt() {
        admitted();
        when(events.save(any(AdverseEvent.class))).thenAnswer(call -> call.getArgument(0));
        when(holds.findById("p_1")).thenReturn(Optional.empty());

        ReportAdverseEvent.Reported reported = report.handle(grade(3));

        assertThat(reported.holdPlaced()).isTrue();
        verify(holds).save(any());
    }

    @Test
    void answersThatAnEventBelowTheSeriousGradePlacedNoHold() {
        admitted();
        when(events.save(any(AdverseEvent.class))).thenAnswer(call -> call.getArgument(0));

        ReportAdverseEvent.Reported reported = report.handle(grade(2));

        assertThat(reported.holdPlaced()).isFalse();
        verify(holds, never()).save(any());
    }

    private void admitted() {
        when(gate.admit("ses_1", "p_1", "site_1", SessionWrite.ADVERSE_EVENT))
                .thenReturn(new SessionGate.AdmittedSession("ses_1", "p_1", "site_1"));
    }

    private static ReportAdverseEventCommand grade(int grade) {
        return new ReportAdverseEventCommand(
                "p_1",
                "site_1",
                "ses_1",
                AdverseEventCategory.EXCESSIVE_DISSOCIATION,
                grade,
                NOW.minusSeconds(300),
                ActionTaken.INFUSION_STOPPED,
                AdverseEventOutcome.RESOLVING);
    }
}
