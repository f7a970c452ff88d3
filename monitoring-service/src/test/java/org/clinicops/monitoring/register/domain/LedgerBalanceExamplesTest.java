package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.util.List;
import org.clinicops.monitoring.register.domain.LedgerBalancePropertyTest.Adjust;
import org.clinicops.monitoring.register.domain.LedgerBalancePropertyTest.Draw;
import org.clinicops.monitoring.register.domain.LedgerBalancePropertyTest.Receive;
import org.clinicops.monitoring.register.domain.LedgerBalancePropertyTest.Reverse;
import org.clinicops.monitoring.register.domain.LedgerBalancePropertyTest.StockWaste;
import org.junit.jupiter.api.Test;

/**
 * Sequences at the edges of the balance rule, in the shape jqwik shrinks a counterexample to, kept
 * as plain tests so they run on every build whatever the seed. The property has found no
 * counterexample against this ledger; when it does, its shrunk sequence is added here.
 */
class LedgerBalanceExamplesTest {

    @Test
    void reversingAReceiptWhoseStockWasDrawnIsRefused() {
        LedgerBalancePropertyTest.run(List.of(new Receive(1), new Draw(new BigDecimal("0.001")), new Reverse(0)));
    }

    @Test
    void reversingTheSameDrawTwiceIsRefusedTheSecondTime() {
        LedgerBalancePropertyTest.run(
                List.of(new Receive(1), new Draw(new BigDecimal("1")), new Reverse(1), new Reverse(1)));
    }

    @Test
    void drawingExactlyTheBalanceLeavesZeroAndTheNextMilligramIsRefused() {
        LedgerBalancePropertyTest.run(List.of(
                new Receive(1), new Draw(new BigDecimal("500")), new Draw(new BigDecimal("0.001")), new Reverse(1)));
    }

    @Test
    void aLossWrittenOffBeyondTheBalanceIsRefused() {
        LedgerBalancePropertyTest.run(List.of(
                new Receive(1),
                new StockWaste(new BigDecimal("499")),
                new Adjust(new BigDecimal("-1.001")),
                new Adjust(new BigDecimal("-1"))));
    }
}
