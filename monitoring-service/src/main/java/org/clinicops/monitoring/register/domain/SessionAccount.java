package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.platform.problem.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * Where the drug drawn for one session went, from the session's entries (reversed ones left out)
 * and the dose its completion or stop said was given: drawn = administered + wasted, per lot and in
 * all. The register's reconciliation rule lives here.
 *
 * @param administeredMg what the session's completion or stop event says was given; null while the
 *     session has not ended
 */
public record SessionAccount(
        String sessionId,
        Map<String, BigDecimal> drawnByLot,
        Map<String, BigDecimal> wastedByLot,
        Map<String, BigDecimal> administeredByLot,
        @Nullable BigDecimal administeredMg) {

    /** The account of a session from its entries (any order) and its administered dose. */
    public static SessionAccount of(String sessionId, Collection<Entry> entries, @Nullable BigDecimal administeredMg) {
        Set<String> reversed = new HashSet<>();
        for (Entry e : entries) {
            if (e.kind() == EntryKind.REVERSAL && e.reversesSeq() != null) {
                reversed.add(Entry.idOf(e.lotId(), e.reversesSeq()));
            }
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> a.recordedAt().equals(b.recordedAt())
                ? Long.compare(a.seq(), b.seq())
                : a.recordedAt().compareTo(b.recordedAt()));
        Map<String, BigDecimal> drawn = new LinkedHashMap<>();
        Map<String, BigDecimal> wasted = new LinkedHashMap<>();
        Map<String, BigDecimal> administered = new LinkedHashMap<>();
        for (Entry e : sorted) {
            if (reversed.contains(e.id()) || !sessionId.equals(e.sessionId())) {
                continue;
            }
            switch (e.kind()) {
                case DRAW -> drawn.merge(e.lotId(), e.mg(), BigDecimal::add);
                case WASTE -> wasted.merge(e.lotId(), e.mg(), BigDecimal::add);
                case ADMINISTERED -> administered.merge(e.lotId(), e.mg(), BigDecimal::add);
                default -> {}
            }
        }
        return new SessionAccount(
                sessionId,
                Collections.unmodifiableMap(drawn),
                Collections.unmodifiableMap(wasted),
                Collections.unmodifiableMap(administered),
                administeredMg == null ? null : Quantities.mg(administeredMg));
    }

    public BigDecimal drawnMg() {
        return sum(drawnByLot.values());
    }

    public BigDecimal wastedMg() {
        return sum(wastedByLot.values());
    }

    /** Drawn − administered − wasted: what is not accounted for (positive: drug unaccounted). */
    public BigDecimal unaccountedMg() {
        return drawnMg()
                .subtract(administeredMg == null ? Quantities.ZERO : administeredMg)
                .subtract(wastedMg());
    }

    /** Reconciled: the session ended and drawn = administered + wasted within the tolerance. */
    public boolean reconciled(BigDecimal tolerance) {
        return administeredMg != null && unaccountedMg().abs().compareTo(tolerance) <= 0;
    }

    /**
     * A waste of {@code mg} from the lot is at most what the session drew from it and neither wasted
     * nor (once the dose given is known) gave: 409 {@code nothing-drawn} or {@code waste-exceeds-drawn}.
     */
    public void checkWaste(String lotId, BigDecimal mg, BigDecimal tolerance) {
        BigDecimal drawn = drawnByLot.getOrDefault(lotId, Quantities.ZERO);
        if (drawn.signum() == 0) {
            throw new ConflictException(
                    "nothing-drawn", "session " + sessionId + " drew nothing from lot " + lotId + " to waste");
        }
        BigDecimal left = drawn.subtract(wastedByLot.getOrDefault(lotId, Quantities.ZERO));
        if (administeredMg != null) {
            // the dose given comes out of the session's draws, whichever lot it is allocated to
            left = left.min(unaccountedMg());
        }
        if (mg.compareTo(left.add(tolerance)) > 0) {
            throw new ConflictException(
                    "waste-exceeds-drawn",
                    "session " + sessionId + " has " + left.max(Quantities.ZERO).toPlainString()
                            + " mg drawn from lot " + lotId + " and neither given nor wasted; " + mg.toPlainString()
                            + " mg refused");
        }
    }

    /**
     * How the administered dose not yet recorded as given is allocated to the lots drawn from: to each
     * lot in the order drawn, at most what the lot gave the session and was neither wasted nor
     * allocated before. What no lot can take stays unallocated (the session is then unreconciled).
     */
    public Map<String, BigDecimal> unallocatedAdministration() {
        if (administeredMg == null) {
            return Map.of();
        }
        BigDecimal toAllocate = administeredMg.subtract(sum(administeredByLot.values()));
        Map<String, BigDecimal> allocation = new LinkedHashMap<>();
        for (var drawn : drawnByLot.entrySet()) {
            if (toAllocate.signum() <= 0) {
                break;
            }
            String lot = drawn.getKey();
            BigDecimal room = drawn.getValue()
                    .subtract(wastedByLot.getOrDefault(lot, Quantities.ZERO))
                    .subtract(administeredByLot.getOrDefault(lot, Quantities.ZERO));
            BigDecimal take = room.min(toAllocate);
            if (take.signum() > 0) {
                allocation.put(lot, Quantities.mg(take));
                toAllocate = toAllocate.subtract(take);
            }
        }
        return allocation;
    }

    private static BigDecimal sum(Collection<BigDecimal> values) {
        return Quantities.mg(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
