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
import java.util.Map;
import org.clinicops.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class SessionAccountTest {

    static final SessionRef SESSION = new SessionRef("ses_1", "p_1");
    static final BigDecimal TOLERANCE = new BigDecimal("0.1");

    final LotLedger lot = Lots.ketamine();
    final List<Entry> entries = new ArrayList<>();

    SessionAccountTest() {
        lot.receive(2, "McKesson", "INV-1", "nurse-bos", T0);
    }

    SessionAccount account(String administered) {
        return SessionAccount.of("ses_1", entries, administered == null ? null : mg(administered));
    }

    @Test
    void reconciledWhenDrawnIsAdministeredPlusWastedWithinATenthOfAMilligram() {
        entries.add(lot.draw(SESSION, mg("40"), TODAY, "nurse-bos", T0));
        entries.add(lot.waste(SESSION, mg("1.45"), "clinician-bos", null, "nurse-bos", T0));

        assertThat(account("38.5").reconciled(TOLERANCE)).isTrue(); // 40 - 38.5 - 1.45 = 0.05
        assertThat(account("38.4").reconciled(TOLERANCE)).isFalse(); // 40 - 38.4 - 1.45 = 0.15
    }

    @Test
    void notReconciledBeyondTheToleranceOrBeforeTheSessionEnded() {
        entries.add(lot.draw(SESSION, mg("40"), TODAY, "nurse-bos", T0));

        assertThat(account(null).reconciled(TOLERANCE)).isFalse();
        assertThat(account("39.8").unaccountedMg()).isEqualByComparingTo("0.2");
        assertThat(account("39.8").reconciled(TOLERANCE)).isFalse();
        assertThat(account("39.9").reconciled(TOLERANCE)).isTrue();
    }

    @Test
    void wasteIsAtMostWhatWasDrawnAndNotGiven() {
        entries.add(lot.draw(SESSION, mg("40"), TODAY, "nurse-bos", T0));

        account("38.5").checkWaste("lot_K1", mg("1.5"), TOLERANCE);
        assertThatThrownBy(() -> account("38.5").checkWaste("lot_K1", mg("1.7"), TOLERANCE))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("waste-exceeds-drawn"));
        assertThatThrownBy(() -> account(null).checkWaste("lot_other", mg("1"), TOLERANCE))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("nothing-drawn"));
    }

    @Test
    void aReversedDrawCountsForNothing() {
        Entry draw = lot.draw(SESSION, mg("40"), TODAY, "nurse-bos", T0);
        entries.add(draw);
        entries.add(lot.reverse(draw, "wrong session", "clinician-bos", T0));
        entries.add(lot.draw(SESSION, mg("38"), TODAY, "nurse-bos", T0));

        assertThat(account("38").drawnMg()).isEqualByComparingTo("38");
        assertThat(account("38").reconciled(TOLERANCE)).isTrue();
    }

    @Test
    void allocatesTheDoseGivenToTheLotsInTheOrderDrawnOnlyOnce() {
        LotLedger second = LotLedger.open(
                "lot_K2",
                "bos",
                LotDescription.of(
                        Product.KETAMINE_HCL,
                        "0409-2051-05",
                        "KT2406B",
                        LocalDate.parse("2028-01-31"),
                        mg("50"),
                        mg("10"),
                        null),
                T0);
        second.receive(1, "McKesson", "INV-2", "nurse-bos", T0);
        entries.add(lot.draw(SESSION, mg("30"), TODAY, "nurse-bos", T0.plusSeconds(1)));
        entries.add(second.draw(SESSION, mg("20"), TODAY, "nurse-bos", T0.plusSeconds(2)));

        assertThat(account("45").unallocatedAdministration())
                .containsExactly(Map.entry("lot_K1", mg("30.000")), Map.entry("lot_K2", mg("15.000")));

        entries.add(lot.administer(SESSION, mg("30"), "scheduling-service", T0));
        entries.add(second.administer(SESSION, mg("15"), "scheduling-service", T0));
        assertThat(account("45").unallocatedAdministration()).isEmpty();
        assertThat(account("45").unaccountedMg()).isEqualByComparingTo("5");
    }
}
