package org.clinicops.monitoring.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.monitoring.register.domain.Lots.T0;
import static org.clinicops.monitoring.register.domain.Lots.TODAY;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.clinicops.platform.problem.ConflictException;

/**
 * The balance invariant, for any sequence of commands a lot can be given: after every step the
 * balance is received − drawn − wasted from stock ± adjustments + reversals, as a model kept beside
 * the ledger computes it; it is never negative; it equals the sum of the entries' changes and the
 * last entry's balance after; and replaying the entries onto a fresh lot gives the same lot. A
 * command the model says must fail (more than the balance, a second reversal) is refused and changes
 * nothing. Counterexamples jqwik shrank to are kept as plain tests in {@link LedgerBalanceExamplesTest}.
 */
class LedgerBalancePropertyTest {

    static final SessionRef SESSION = new SessionRef("ses_1", "p_1");

    sealed interface Command permits Receive, Draw, StockWaste, SessionWaste, Count, Adjust, Reverse {}

    record Receive(int units) implements Command {}

    record Draw(BigDecimal mg) implements Command {}

    record StockWaste(BigDecimal mg) implements Command {}

    record SessionWaste(BigDecimal mg) implements Command {}

    record Count(BigDecimal mg) implements Command {}

    record Adjust(BigDecimal change) implements Command {}

    /** Reverses the entry at this position (modulo the entries written so far). */
    record Reverse(int index) implements Command {}

    @Property(tries = 300)
    void balanceIsReceivedMinusDrawnPlusReversalsAfterEveryStep(
            @ForAll("commands") @Size(max = 40) List<Command> commands) {
        run(commands);
    }

    /** Runs the commands against a lot and a model, checking the invariant after each. */
    static void run(List<Command> commands) {
        LotLedger lot = Lots.ketamine();
        List<Entry> entries = new ArrayList<>();
        Model model = new Model();
        for (Command command : commands) {
            BigDecimal before = lot.balanceMg();
            long seqBefore = lot.seq();
            Entry written;
            try {
                written = apply(lot, command, entries);
            } catch (ConflictException refused) {
                assertThat(model.accepts(command, entries, before))
                        .as("%s refused: %s", command, refused.code())
                        .isFalse();
                assertThat(lot.balanceMg()).isEqualByComparingTo(before);
                assertThat(lot.seq()).isEqualTo(seqBefore);
                continue;
            }
            assertThat(model.accepts(command, entries, before))
                    .as("%s accepted", command)
                    .isTrue();
            model.record(written, entries);
            entries.add(written);
            assertThat(written.seq()).isEqualTo(seqBefore + 1);
            assertThat(lot.balanceMg())
                    .as("balance after %s", command)
                    .isEqualByComparingTo(model.balance())
                    .isEqualByComparingTo(written.balanceAfterMg())
                    .isEqualByComparingTo(
                            entries.stream().map(Entry::changeMg).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(lot.balanceMg().signum()).isGreaterThanOrEqualTo(0);
        }
        LotLedger replayed = Lots.ketamine();
        entries.forEach(replayed::replay);
        assertThat(replayed.balanceMg()).isEqualByComparingTo(lot.balanceMg());
        assertThat(replayed.seq()).isEqualTo(lot.seq());
    }

    private static Entry apply(LotLedger lot, Command command, List<Entry> entries) {
        if (command instanceof Receive r) {
            return lot.receive(r.units(), "McKesson", "INV", "nurse-a", T0);
        } else if (command instanceof Draw d) {
            return lot.draw(SESSION, d.mg(), TODAY, "nurse-a", T0);
        } else if (command instanceof StockWaste w) {
            return lot.wasteFromStock(w.mg(), "nurse-b", "broken vial", "nurse-a", T0);
        } else if (command instanceof SessionWaste w) {
            return lot.waste(SESSION, w.mg(), "nurse-b", null, "nurse-a", T0);
        } else if (command instanceof Count c) {
            return lot.count(c.mg(), "nurse-a", T0);
        } else if (command instanceof Adjust a) {
            return lot.adjust(a.change(), "dis_x", "written off", "clinician-a", T0);
        }
        Reverse r = (Reverse) command;
        if (entries.isEmpty()) {
            throw new ConflictException("nothing-to-reverse", "no entry yet");
        }
        Entry target = entries.get(r.index() % entries.size());
        return lot.reverse(target, "correction", "clinician-a", T0);
    }

    /** The balance as the sums of what was received, drawn, wasted, adjusted and reversed. */
    static final class Model {
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal drawn = BigDecimal.ZERO;
        BigDecimal wastedFromStock = BigDecimal.ZERO;
        BigDecimal adjustments = BigDecimal.ZERO;
        BigDecimal reversals = BigDecimal.ZERO;
        final List<Long> reversed = new ArrayList<>();

        BigDecimal balance() {
            return received.subtract(drawn)
                    .subtract(wastedFromStock)
                    .add(adjustments)
                    .add(reversals);
        }

        boolean accepts(Command command, List<Entry> entries, BigDecimal balance) {
            if (command instanceof Draw d) {
                return d.mg().compareTo(balance) <= 0;
            } else if (command instanceof StockWaste w) {
                return w.mg().compareTo(balance) <= 0;
            } else if (command instanceof Adjust a) {
                return balance.add(a.change()).signum() >= 0;
            } else if (command instanceof Reverse r) {
                if (entries.isEmpty()) {
                    return false;
                }
                Entry target = entries.get(r.index() % entries.size());
                return target.kind().reversible()
                        && !reversed.contains(target.seq())
                        && balance.subtract(target.changeMg()).signum() >= 0;
            }
            return true; // receipts, a session's waste, counts
        }

        void record(Entry entry, List<Entry> entries) {
            switch (entry.kind()) {
                case RECEIPT -> received = received.add(entry.mg());
                case DRAW -> drawn = drawn.add(entry.mg());
                case STOCK_WASTE -> wastedFromStock = wastedFromStock.add(entry.mg());
                case ADJUSTMENT -> adjustments = adjustments.add(entry.changeMg());
                case REVERSAL -> {
                    reversed.add(entry.reversesSeq());
                    Entry original = entries.get((int) (long) entry.reversesSeq() - 1);
                    reversals = reversals.subtract(original.changeMg());
                }
                default -> {}
            }
        }
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        Arbitrary<BigDecimal> mg = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.001"), new BigDecimal("1200"))
                .ofScale(3);
        Arbitrary<Command> command = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 4).map(Receive::new)),
                net.jqwik.api.Tuple.of(6, mg.map(Draw::new)),
                net.jqwik.api.Tuple.of(2, mg.map(StockWaste::new)),
                net.jqwik.api.Tuple.of(2, mg.map(SessionWaste::new)),
                net.jqwik.api.Tuple.of(1, mg.map(Count::new)),
                net.jqwik.api.Tuple.of(
                        1,
                        Combinators.combine(mg, Arbitraries.of(true, false))
                                .as((m, loss) -> new Adjust(loss ? m.negate() : m))),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 60).map(Reverse::new)));
        return command.list();
    }
}
