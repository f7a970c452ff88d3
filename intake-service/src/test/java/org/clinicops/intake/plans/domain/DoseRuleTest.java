package org.clinicops.intake.plans.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicops.intake.plans.domain.ProtocolFixtures.DEPRESSION_LIMITS;
import static org.clinicops.intake.plans.domain.ProtocolFixtures.INDUCTION;
import static org.clinicops.intake.plans.domain.ProtocolFixtures.NASAL;
import static org.clinicops.intake.plans.domain.ProtocolFixtures.NASAL_LIMITS;
import static org.clinicops.intake.plans.domain.ProtocolFixtures.PAIN;

import java.math.BigDecimal;
import java.util.List;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.InvalidRequestException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoseRuleTest {

    static final Protocol DEPRESSION = Protocol.DEPRESSION_INDUCTION;

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static Dose perKg(ProtocolDefaults defaults, String mgPerKg, String weightKg) {
        return DoseRule.doseFor(DEPRESSION, defaults, d(mgPerKg), null, d(weightKg));
    }

    static void assertRefusedField(Runnable dosing, String field) {
        assertThatThrownBy(dosing::run)
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(field));
    }

    static void assertConflict(Runnable dosing, String code) {
        assertThatThrownBy(dosing::run)
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    // weight-based: the range per kilogram

    @Test
    void acceptsTheLowestDosePerKilogramOfTheRange() {
        assertThat(perKg(INDUCTION, "0.1", "70").mg()).isEqualByComparingTo("7.0");
    }

    @Test
    void refusesADosePerKilogramBelowTheRange() {
        assertRefusedField(() -> perKg(INDUCTION, "0.09", "70"), "doseMgPerKg");
        assertRefusedField(() -> perKg(INDUCTION, "0", "70"), "doseMgPerKg");
        assertRefusedField(() -> perKg(INDUCTION, "-0.5", "70"), "doseMgPerKg");
    }

    @Test
    void acceptsTheHighestDosePerKilogramOfTheRange() {
        Dose dose = perKg(INDUCTION, "1.0", "70");

        assertThat(dose.mg()).isEqualByComparingTo("70.0");
        assertThat(dose.mgPerKg()).isEqualByComparingTo("1.0");
        assertThat(dose.weightKg()).isEqualByComparingTo("70");
    }

    @Test
    void refusesADosePerKilogramAboveTheRange() {
        assertRefusedField(() -> perKg(INDUCTION, "1.01", "70"), "doseMgPerKg");
        assertThatThrownBy(() -> perKg(INDUCTION, "2", "70"))
                .hasMessage("doseMgPerKg: must be between 0.1 and 1 mg/kg for DEPRESSION_INDUCTION, got 2");
    }

    @Test
    void refusesADosePerKilogramWithMoreThanFourDecimals() {
        assertRefusedField(() -> perKg(INDUCTION, "0.12345", "70"), "doseMgPerKg");
        assertThat(perKg(INDUCTION, "0.1234", "100").mg()).isEqualByComparingTo("12.3");
    }

    // weight-based: the absolute ceiling per session

    @Test
    void acceptsADoseAtTheSessionCeiling() {
        assertThat(perKg(INDUCTION, "1.0", "100").mg()).isEqualByComparingTo("100.0");
    }

    @Test
    void refusesADoseAboveTheSessionCeiling() {
        assertConflict(() -> perKg(INDUCTION, "1.0", "100.1"), "DOSE_ABOVE_SESSION_MAXIMUM");
    }

    @Test
    void comparesTheCeilingWithTheDoseAsPrescribedToATenth() {
        // 0.5 × 200.1 = 100.05 mg, prescribed (half-even) as 100.0 mg; 0.5 × 200.3 = 100.15 → 100.2 mg
        assertThat(perKg(INDUCTION, "0.5", "200.1").mg()).isEqualByComparingTo("100.0");
        assertConflict(() -> perKg(INDUCTION, "0.5", "200.3"), "DOSE_ABOVE_SESSION_MAXIMUM");
    }

    @Test
    void refusesSevenHundredMilligramsFor350KilogramsAtTwoMilligramsPerKilogram() {
        // 2 mg/kg is within the pain range, but 700 mg is far above its 200 mg ceiling
        assertThatThrownBy(() -> DoseRule.doseFor(Protocol.PAIN_SERIES, PAIN, d("2.0"), null, d("350")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("DOSE_ABOVE_SESSION_MAXIMUM");
                    assertThat(e.properties())
                            .containsEntry("doseMg", "700.0")
                            .containsEntry("maxDoseMgPerSession", "200");
                });
    }

    @Test
    void refusesTheProtocolsDefaultDoseWhenTheWeightTakesItAboveTheCeiling() {
        // 0.5 mg/kg × 350 kg = 175 mg > 100 mg
        assertConflict(
                () -> DoseRule.doseFor(DEPRESSION, INDUCTION, null, null, d("350")), "DOSE_ABOVE_SESSION_MAXIMUM");
    }

    // weight-based: what is missing or misplaced

    @Test
    void refusesAPlanWithoutADoseInsteadOfDosingZeroMilligrams() {
        ProtocolDefaults noDefaultDose =
                new ProtocolDefaults(6, 2, 4, true, 40, 120, Route.IV_INFUSION, null, null, true, DEPRESSION_LIMITS);

        assertRefusedField(() -> DoseRule.doseFor(DEPRESSION, noDefaultDose, null, null, d("70")), "doseMgPerKg");
        assertThat(DoseRule.doseFor(DEPRESSION, noDefaultDose, d("0.5"), null, d("70"))
                        .mg())
                .isEqualByComparingTo("35.0");
    }

    @Test
    void refusesAWeightBasedDoseWithoutTheScreeningWeight() {
        assertConflict(() -> DoseRule.doseFor(DEPRESSION, INDUCTION, null, null, null), "WEIGHT_MISSING");
    }

    @Test
    void refusesAFixedDoseOnAWeightBasedProtocol() {
        assertRefusedField(() -> DoseRule.doseFor(DEPRESSION, INDUCTION, null, d("56"), d("70")), "doseMg");
    }

    // fixed dose (esketamine, nasal)

    @ParameterizedTest
    @ValueSource(strings = {"56", "84", "56.0", "84.00"})
    void esketamineTakesFiftySixOrEightyFourMilligrams(String mg) {
        Dose dose = DoseRule.doseFor(Protocol.ESKETAMINE_INDUCTION, NASAL, null, d(mg), d("70"));

        assertThat(dose.mg()).isEqualByComparingTo(mg);
        assertThat(dose.mgPerKg()).isNull();
        assertThat(dose.weightKg()).isNull();
    }

    @Test
    void esketamineDefaultsToItsConfiguredFixedDoseWithoutAWeight() {
        assertThat(DoseRule.doseFor(Protocol.ESKETAMINE_INDUCTION, NASAL, null, null, null)
                        .mg())
                .isEqualByComparingTo("56.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"28", "55.9", "70", "84.1", "112", "0"})
    void esketamineRefusesAnyOtherDose(String mg) {
        assertRefusedField(
                () -> DoseRule.doseFor(Protocol.ESKETAMINE_INDUCTION, NASAL, null, d(mg), d("70")), "doseMg");
    }

    @Test
    void esketamineRefusesADosePerKilogramInsteadOfReplacingTheFixedDose() {
        assertRefusedField(
                () -> DoseRule.doseFor(Protocol.ESKETAMINE_INDUCTION, NASAL, d("0.5"), null, d("70")), "doseMgPerKg");
        assertRefusedField(
                () -> DoseRule.doseFor(Protocol.ESKETAMINE_INDUCTION, NASAL, d("0.5"), d("56"), d("70")),
                "doseMgPerKg");
    }

    @Test
    void esketamineWithoutADefaultDoseNeedsTheClinicianToChooseOne() {
        ProtocolDefaults noDefault =
                new ProtocolDefaults(8, 3, 4, true, 15, 120, Route.NASAL, null, null, true, NASAL_LIMITS);

        assertRefusedField(
                () -> DoseRule.doseFor(Protocol.ESKETAMINE_INDUCTION, noDefault, null, null, null), "doseMg");
    }

    // configuration

    @Test
    void acceptsTheDefaultConfiguration() {
        ProtocolFixtures.DEFAULTS.forEach(
                (protocol, defaults) -> DoseRule.requireConfigured(protocol.name(), defaults));
    }

    @Test
    void refusesAWeightBasedProtocolWithoutACeiling() {
        var noCeiling = new ProtocolDefaults(
                6,
                2,
                4,
                true,
                40,
                120,
                Route.IV_INFUSION,
                d("0.5"),
                null,
                true,
                new DoseLimits(d("0.1"), d("1.0"), null, List.of()));

        assertThatThrownBy(() -> DoseRule.requireConfigured("clinic.intake.protocols.BOOSTER", noCeiling))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clinic.intake.protocols.BOOSTER")
                .hasMessageContaining("max-mg-per-session");
    }

    @Test
    void refusesADefaultDoseOutsideTheRangeAndARangeUpsideDown() {
        var outside = new ProtocolDefaults(
                6, 2, 4, true, 40, 120, Route.IV_INFUSION, d("1.5"), null, true, DEPRESSION_LIMITS);
        var upsideDown = new ProtocolDefaults(
                6,
                2,
                4,
                true,
                40,
                120,
                Route.IV_INFUSION,
                null,
                null,
                true,
                new DoseLimits(d("1.0"), d("0.1"), d("100"), List.of()));

        assertThatThrownBy(() -> DoseRule.requireConfigured("p", outside)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DoseRule.requireConfigured("p", upsideDown)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesANasalProtocolWithoutFixedDosesOrWithADosePerKilogram() {
        var noDoses = new ProtocolDefaults(8, 3, 4, true, 15, 120, Route.NASAL, null, null, true, DoseLimits.NONE);
        var perKg = new ProtocolDefaults(8, 3, 4, true, 15, 120, Route.NASAL, d("0.5"), null, true, NASAL_LIMITS);
        var defaultNotOffered =
                new ProtocolDefaults(8, 3, 4, true, 15, 120, Route.NASAL, null, d("70"), true, NASAL_LIMITS);

        assertThatThrownBy(() -> DoseRule.requireConfigured("p", noDoses)).hasMessageContaining("fixed-mg");
        assertThatThrownBy(() -> DoseRule.requireConfigured("p", perKg)).hasMessageContaining("dose-mg-per-kg");
        assertThatThrownBy(() -> DoseRule.requireConfigured("p", defaultNotOffered))
                .hasMessageContaining("fixed-dose-mg");
    }
}
