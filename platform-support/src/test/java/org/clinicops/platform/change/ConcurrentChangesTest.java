package org.clinicops.platform.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

class ConcurrentChangesTest {

    @Test
    void aLostRaceIsTriedAgainOnFreshState() {
        AtomicInteger tries = new AtomicInteger();
        String result = ConcurrentChanges.retry(5, "the thing", () -> {
            if (tries.incrementAndGet() < 3) {
                throw new OptimisticLockingFailureException("version moved");
            }
            return "stored on try " + tries.get();
        });
        assertThat(result).isEqualTo("stored on try 3");
    }

    @Test
    void twoFirstWritesRacingCountAsALostRace() {
        AtomicInteger tries = new AtomicInteger();
        ConcurrentChanges.retry(2, "the thing", () -> {
            if (tries.incrementAndGet() == 1) {
                throw new DuplicateKeyException("inserted meanwhile");
            }
        });
        assertThat(tries).hasValue(2);
    }

    @Test
    void afterTheLastLostRaceTheAnswerIsConcurrentUpdate() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentChanges.retry(4, "the invoice", () -> {
                    tries.incrementAndGet();
                    throw new OptimisticLockingFailureException("version moved");
                }))
                .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONCURRENT_UPDATE");
                    assertThat(e.getMessage()).startsWith("the invoice was changed by someone else");
                    assertThat(e.getCause()).isInstanceOf(OptimisticLockingFailureException.class);
                });
        assertThat(tries).hasValue(4);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentChanges.retry(5, "the thing", () -> {
                    tries.incrementAndGet();
                    throw new IllegalArgumentException("bad");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void aUsersChangeIsTriedOnceAndADuplicateKeyIsNotARace() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentChanges.once("the invoice", () -> {
                    tries.incrementAndGet();
                    throw new OptimisticLockingFailureException("version moved");
                }))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(tries).hasValue(1);
        assertThatThrownBy(() -> ConcurrentChanges.once("the invoice", () -> {
                    throw new DuplicateKeyException("unique index");
                }))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
