package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.junit.jupiter.api.Test;

class DischargePolicyTest {

    private static final Instant STARTED = Instant.parse("2026-12-01T14:00:00Z");
    /** IV: 40 minutes infused, so the infusion ended at 14:40 and 60 minutes of observation end at 15:40. */
    private static final Instant IV_MAY_LEAVE = STARTED.plus(Duration.ofMinutes(100));

    private static final DischargePolicy DEFAULTS = new DischargePolicy(
            Duration.ofMinutes(60),
            Duration.ofMinutes(120),
            Map.of(),
            Duration.ofMinutes(15),
            new DosePolicy(BigDecimal.TEN));

    private static final InfusionPlan IV = new InfusionPlan(
            "plan_iv",
            Protocol.DEPRESSION_INDUCTION,
            Route.IV_INFUSION,
            6,
            40,
            80,
            new BigDecimal("35.0"),
            true,
            new BigDecimal("0.5"));

    private static final InfusionPlan NASAL = new InfusionPlan(
            "plan_nasal",
            Protocol.ESKETAMINE_INDUCTION,
            Route.NASAL,
            8,
            10,
            120,
            new BigDecimal("56.0"),
            true,
            BigDecimal.ZERO);

    private static SessionOutcome outcome(String doseMg, int infusionMinutes, boolean escort) {
        return new SessionOutcome(
                new BigDecimal(doseMg), infusionMinutes, 60, null, null, escort, new BigDecimal("70.0"));
    }

    private static SessionSafety vitalsAt(Instant takenAt, String... openAlerts) {
        return new SessionSafety(takenAt, Set.of(openAlerts));
    }

    private static List<DischargeCheck> failed(
            DischargePolicy policy, InfusionPlan plan, SessionOutcome outcome, SessionSafety safety, Instant now) {
        return policy.evaluate(plan, STARTED, outcome, safety, now).stream()
                .map(DischargePolicy.Failure::check)
                .toList();
    }

    @Test
    void theCheckCodesAreTheOverridableChecksOfTheContract() {
        assertThat(Arrays.stream(DischargeCheck.values()).map(Enum::name).toList())
                .isEqualTo(SessionCompleted.OVERRIDABLE_CHECKS);
    }

    @Test
    void passesWhenObservedLongEnoughWithRecentVitalsNoAlertAnEscortAndThePlannedDose() {
        assertThat(failed(DEFAULTS, IV, outcome("35.0", 40, true), vitalsAt(IV_MAY_LEAVE), IV_MAY_LEAVE))
                .isEmpty();
    }

    @Test
    void ivKetamineNeedsSixtyMinutesOfObservationAfterTheInfusionEnds() {
        Instant aSecondEarly = IV_MAY_LEAVE.minusSeconds(1);
        assertThat(failed(DEFAULTS, IV, outcome("35.0", 40, true), vitalsAt(aSecondEarly), aSecondEarly))
                .containsExactly(DischargeCheck.OBSERVATION_TOO_SHORT);
        assertThat(DEFAULTS.evaluate(IV, STARTED, outcome("35.0", 40, true), vitalsAt(aSecondEarly), aSecondEarly)
                        .get(0)
                        .message())
                .contains("60 minutes", "2026-12-01T14:40:00Z");
    }

    @Test
    void theInfusionEndsAtTheStartPlusTheMinutesRecorded() {
        // a 70-minute infusion ends at 15:10: at 15:40 only 30 minutes of observation have passed
        assertThat(failed(DEFAULTS, IV, outcome("35.0", 70, true), vitalsAt(IV_MAY_LEAVE), IV_MAY_LEAVE))
                .containsExactly(DischargeCheck.OBSERVATION_TOO_SHORT);
    }

    @Test
    void esketamineNeedsTwoHoursOfObservation() {
        Instant infusionEnd = STARTED.plus(Duration.ofMinutes(10));
        Instant afterOneHour = infusionEnd.plus(Duration.ofMinutes(60));
        Instant afterTwoHours = infusionEnd.plus(Duration.ofMinutes(120));
        assertThat(failed(DEFAULTS, NASAL, outcome("56.0", 10, true), vitalsAt(afterOneHour), afterOneHour))
                .containsExactly(DischargeCheck.OBSERVATION_TOO_SHORT);
        assertThat(failed(DEFAULTS, NASAL, outcome("56.0", 10, true), vitalsAt(afterTwoHours), afterTwoHours))
                .isEmpty();
    }

    @Test
    void aProtocolsOwnObservationTimeReplacesItsRoutes() {
        DischargePolicy pain = new DischargePolicy(
                Duration.ofMinutes(60),
                Duration.ofMinutes(120),
                Map.of(Protocol.DEPRESSION_INDUCTION, Duration.ofMinutes(90)),
                Duration.ofMinutes(15),
                new DosePolicy(BigDecimal.TEN));
        assertThat(pain.observationFor(IV)).isEqualTo(Duration.ofMinutes(90));
        assertThat(pain.observationFor(NASAL)).isEqualTo(Duration.ofMinutes(120));
        assertThat(failed(pain, IV, outcome("35.0", 40, true), vitalsAt(IV_MAY_LEAVE), IV_MAY_LEAVE))
                .containsExactly(DischargeCheck.OBSERVATION_TOO_SHORT);
    }

    @Test
    void needsAVitalsReadingTakenWithinTheLastFifteenMinutes() {
        Instant now = IV_MAY_LEAVE.plus(Duration.ofMinutes(30));
        assertThat(failed(DEFAULTS, IV, outcome("35.0", 40, true), vitalsAt(now.minus(Duration.ofMinutes(15))), now))
                .isEmpty();
        assertThat(failed(
                        DEFAULTS,
                        IV,
                        outcome("35.0", 40, true),
                        vitalsAt(now.minus(Duration.ofMinutes(15)).minusSeconds(1)),
                        now))
                .containsExactly(DischargeCheck.NO_RECENT_VITALS);
        assertThat(failed(DEFAULTS, IV, outcome("35.0", 40, true), SessionSafety.NOTHING_RECORDED, now))
                .containsExactly(DischargeCheck.NO_RECENT_VITALS);
    }

    @Test
    void anOpenAlertKeepsThePatient() {
        assertThat(failed(DEFAULTS, IV, outcome("35.0", 40, true), vitalsAt(IV_MAY_LEAVE, "alert_1"), IV_MAY_LEAVE))
                .containsExactly(DischargeCheck.OPEN_ALERT);
    }

    @Test
    void theEscortRuleHoldsOnlyWhereThePlanRequiresIt() {
        assertThat(failed(DEFAULTS, IV, outcome("35.0", 40, false), vitalsAt(IV_MAY_LEAVE), IV_MAY_LEAVE))
                .containsExactly(DischargeCheck.NO_ESCORT);
        InfusionPlan noEscort = new InfusionPlan(
                "plan_x", Protocol.BOOSTER, Route.IV_INFUSION, 1, 40, 60, new BigDecimal("35.0"), false, null);
        assertThat(failed(DEFAULTS, noEscort, outcome("35.0", 40, false), vitalsAt(IV_MAY_LEAVE), IV_MAY_LEAVE))
                .isEmpty();
    }

    @Test
    void aDoseMoreThanTenPercentFromThePlansDoseForTheDaysWeightIsOffPlan() {
        // 0.5 mg/kg × 70 kg = 35 mg: 38.5 is within 10%, 38.6 is not
        assertThat(failed(DEFAULTS, IV, outcome("38.5", 40, true), vitalsAt(IV_MAY_LEAVE), IV_MAY_LEAVE))
                .isEmpty();
        assertThat(failed(DEFAULTS, IV, outcome("38.6", 40, true), vitalsAt(IV_MAY_LEAVE), IV_MAY_LEAVE))
                .containsExactly(DischargeCheck.DOSE_OFF_PLAN);
        Instant nasalMayLeave = STARTED.plus(Duration.ofMinutes(130));
        assertThat(failed(DEFAULTS, NASAL, outcome("84", 10, true), vitalsAt(nasalMayLeave), nasalMayLeave))
                .as("84 mg given on a 56 mg esketamine plan")
                .containsExactly(DischargeCheck.DOSE_OFF_PLAN);
    }

    @Test
    void listsEveryFailedCheckInOrder() {
        assertThat(failed(
                        DEFAULTS,
                        IV,
                        outcome("70.0", 40, false),
                        new SessionSafety(null, Set.of("alert_1")),
                        STARTED.plus(Duration.ofMinutes(50))))
                .containsExactly(
                        DischargeCheck.OBSERVATION_TOO_SHORT,
                        DischargeCheck.NO_RECENT_VITALS,
                        DischargeCheck.OPEN_ALERT,
                        DischargeCheck.NO_ESCORT,
                        DischargeCheck.DOSE_OFF_PLAN);
    }
}
