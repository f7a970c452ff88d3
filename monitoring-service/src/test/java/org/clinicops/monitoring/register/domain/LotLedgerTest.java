package org.clinicops.monitoring.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicops.monitoring.register.domain.Lots.T0;
import static org.clinicops.monitoring.register.domain.Lots.TODAY;
import static org.clinicops.monitoring.register.domain.Lots.mg;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class LotLedgerTest {

    static final SessionRef SESSION = new SessionRef("ses_1", "p_1");

    @Test
    void receivesVialsAsMilligramsOfConcentrationTimesVolume() {
        LotLedger lot = Lots.ketamine();

        Entry receipt = lot.receive(10, "McKesson", "INV-1", "nurse-bos", T0);

        assertThat(receipt.mg()).isEqualByComparingTo("5000");
        assertThat(receipt.seq()).isEqualTo(1);
        assertThat(receipt.id()).isEqualTo("lot_K1.1");
        assertThat(lot.balanceMg()).isEqualByComparingTo("5000");
        assertThat(lot.unitsOnHand()).isEqualByComparingTo("10");
    }

    @Test
    void drawTakesFromTheBalanceAndCountsOpenedVialsInPart() {
        LotLedger lot = Lots.ketamine();
        lot.receive(2, "McKesson", "INV-1", "nurse-bos", T0);

        Entry draw = lot.draw(SESSION, mg("38.5"), TODAY, "nurse-bos", T0);

        assertThat(draw.changeMg()).isEqualByComparingTo("-38.5");
        assertThat(draw.balanceAfterMg()).isEqualByComparingTo("961.5");
        assertThat(draw.patientId()).isEqualTo("p_1");
        assertThat(lot.unitsOnHand()).isEqualByComparingTo("1.92");
    }

    @Test
    void refusesADrawLargerThanTheBalanceAndChangesNothing() {
        LotLedger lot = Lots.ketamine();
        lot.receive(1, "McKesson", "INV-1", "nurse-bos", T0);

        assertThatThrownBy(() -> lot.draw(SESSION, mg("500.001"), TODAY, "nurse-bos", T0))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("insufficient-balance"));
        assertThat(lot.balanceMg()).isEqualByComparingTo("500");
        assertThat(lot.seq()).isEqualTo(1);
    }

    @Test
    void drawsFromALotThroughItsExpiryDateAndNeverAfter() {
        LotLedger lot = Lots.ketamine();
        lot.receive(1, "McKesson", "INV-1", "nurse-bos", T0);

        lot.draw(SESSION, mg("10"), LocalDate.parse("2027-12-31"), "nurse-bos", T0);
        assertThatThrownBy(() -> lot.draw(SESSION, mg("10"), LocalDate.parse("2028-01-01"), "nurse-bos", T0))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("lot-expired"));
        assertThat(lot.balanceMg()).isEqualByComparingTo("490");
    }

    @Test
    void aSessionsWasteLeavesTheBalanceWhileWasteFromStockTakesFromIt() {
        LotLedger lot = Lots.ketamine();
        lot.receive(2, "McKesson", "INV-1", "nurse-bos", T0);
        lot.draw(SESSION, mg("50"), TODAY, "nurse-bos", T0);

        Entry sessionWaste = lot.waste(SESSION, mg("11.5"), "clinician-bos", null, "nurse-bos", T0);
        Entry broken = lot.wasteFromStock(mg("500"), "clinician-bos", "vial dropped and broken", "nurse-bos", T0);

        assertThat(sessionWaste.changeMg()).isEqualByComparingTo("0");
        assertThat(sessionWaste.witness()).isEqualTo("clinician-bos");
        assertThat(broken.changeMg()).isEqualByComparingTo("-500");
        assertThat(lot.balanceMg()).isEqualByComparingTo("450");
    }

    @Test
    void refusesAWasteWitnessedByTheRecorderOrFromStockWithoutAReason() {
        LotLedger lot = Lots.ketamine();
        lot.receive(1, "McKesson", "INV-1", "nurse-bos", T0);

        assertThatThrownBy(() -> lot.waste(SESSION, mg("5"), "nurse-bos", null, "nurse-bos", T0))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("witness"));
        assertThatThrownBy(() -> lot.wasteFromStock(mg("5"), "clinician-bos", "  ", "nurse-bos", T0))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("reason"));
        assertThat(lot.seq()).isEqualTo(1);
    }

    @Test
    void aReversalUndoesAnEntryOnceAndLeavesItAsWritten() {
        LotLedger lot = Lots.ketamine();
        lot.receive(1, "McKesson", "INV-1", "nurse-bos", T0);
        Entry draw = lot.draw(SESSION, mg("40"), TODAY, "nurse-bos", T0);

        Entry reversal = lot.reverse(draw, "drawn for the wrong session", "clinician-bos", T0);

        assertThat(reversal.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(reversal.changeMg()).isEqualByComparingTo("40");
        assertThat(reversal.reversesSeq()).isEqualTo(2);
        assertThat(reversal.sessionId()).isEqualTo("ses_1");
        assertThat(lot.balanceMg()).isEqualByComparingTo("500");
        assertThat(draw.changeMg()).isEqualByComparingTo("-40");
        assertThatThrownBy(() -> lot.reverse(draw, "again", "clinician-bos", T0))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("entry-already-reversed"));
    }

    @Test
    void aReceiptIsNotReversedWhenItsStockWasUsed() {
        LotLedger lot = Lots.ketamine();
        Entry receipt = lot.receive(1, "McKesson", "INV-1", "nurse-bos", T0);
        lot.draw(SESSION, mg("40"), TODAY, "nurse-bos", T0);

        assertThatThrownBy(() -> lot.reverse(receipt, "wrong lot", "clinician-bos", T0))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("insufficient-balance"));
    }

    @Test
    void aCountKeepsTheBalanceItWasComparedWithAndIsNeverReversed() {
        LotLedger lot = Lots.ketamine();
        lot.receive(1, "McKesson", "INV-1", "nurse-bos", T0);

        Entry count = lot.count(mg("495"), "nurse-bos", T0);

        assertThat(count.expectedMg()).isEqualByComparingTo("500");
        assertThat(count.unaccountedMg()).isEqualByComparingTo("5");
        assertThat(lot.balanceMg()).isEqualByComparingTo("500");
        assertThatThrownBy(() -> lot.reverse(count, "recount", "clinician-bos", T0))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("entry-not-reversible"));
    }

    @Test
    void anAdjustmentWritesACountsDifferenceOff() {
        LotLedger lot = Lots.ketamine();
        lot.receive(1, "McKesson", "INV-1", "nurse-bos", T0);

        Entry adjustment = lot.adjust(mg("-5"), "dis_1", "loss, DEA 106 filed", "clinician-bos", T0);

        assertThat(adjustment.mg()).isEqualByComparingTo("5");
        assertThat(lot.balanceMg()).isEqualByComparingTo("495");
    }

    @Test
    void entriesReplayedOntoAnOlderSnapshotGiveTheSameLot() {
        LotLedger lot = Lots.ketamine();
        List<Entry> entries = new ArrayList<>();
        entries.add(lot.receive(3, "McKesson", "INV-1", "nurse-bos", T0));
        entries.add(lot.draw(SESSION, mg("37.25"), TODAY, "nurse-bos", T0));
        Entry draw = lot.draw(SESSION, mg("12"), TODAY, "nurse-bos", T0);
        entries.add(draw);
        entries.add(lot.reverse(draw, "typo", "clinician-bos", T0));
        entries.add(lot.wasteFromStock(mg("500"), "clinician-bos", "broken", "nurse-bos", T0));

        LotLedger replayed = Lots.ketamine();
        entries.forEach(replayed::replay);

        assertThat(replayed.balanceMg()).isEqualByComparingTo(lot.balanceMg()).isEqualByComparingTo("962.75");
        assertThat(replayed.seq()).isEqualTo(5);
        assertThat(replayed.reversed(3)).isTrue();
        assertThatThrownBy(() -> replayed.replay(entries.get(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void quantitiesAreMoreThanZeroAtMostTenGramsAndThreeDecimals() {
        assertThat(Quantities.entered(new BigDecimal("10000"), "mg")).isEqualByComparingTo("10000");
        for (String bad : List.of("0", "-1", "10000.001", "1.0001")) {
            assertThatThrownBy(() -> Quantities.entered(new BigDecimal(bad), "mg"))
                    .as(bad)
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void describesVialsByConcentrationAndDevicesByMilligrams() {
        LotDescription device = LotDescription.of(
                Product.ESKETAMINE_NASAL, "50458-028-02", "ES1", LocalDate.parse("2027-01-31"), null, null, mg("28"));
        assertThat(device.mgPerUnit()).isEqualByComparingTo("28");
        assertThatThrownBy(
                        () -> LotDescription.of(Product.KETAMINE_HCL, "not-an-ndc", "", null, null, mg("10"), mg("28")))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(InvalidRequestException.FieldError::field)
                                .contains("ndc", "lotNumber", "expiresOn", "concentrationMgPerMl", "mgPerDevice"));
    }
}
